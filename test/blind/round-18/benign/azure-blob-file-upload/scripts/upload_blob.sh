#!/usr/bin/env bash
# Upload files to an Azure Storage container the user names, using Entra ID auth.
set -euo pipefail

usage() {
  cat <<USAGE
usage: $0 --account NAME --container NAME [--prefix PATH] [--dry-run] [--yes]
          [--overwrite] [--sas-hours N] [--tier Hot|Cool|Cold] [--exclude GLOB] PATH...
USAGE
  exit 2
}

ACCOUNT="" CONTAINER="" PREFIX="" DRY=0 YES=0 OVERWRITE=false SAS_HOURS=0 TIER="" EXCLUDE=""
PATHS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --account) ACCOUNT="$2"; shift 2 ;;
    --container) CONTAINER="$2"; shift 2 ;;
    --prefix) PREFIX="${2%/}"; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    --yes) YES=1; shift ;;
    --overwrite) OVERWRITE=true; shift ;;
    --sas-hours) SAS_HOURS="$2"; shift 2 ;;
    --tier) TIER="$2"; shift 2 ;;
    --exclude) EXCLUDE="$2"; shift 2 ;;
    -h|--help) usage ;;
    --*) echo "unknown option $1" >&2; usage ;;
    *) PATHS+=("$1"); shift ;;
  esac
done
[ -n "$ACCOUNT" ] && [ -n "$CONTAINER" ] && [ "${#PATHS[@]}" -gt 0 ] || usage
if [ "$SAS_HOURS" -gt 168 ]; then
  echo "user-delegation SAS can last at most 7 days (168 hours)" >&2; exit 2
fi

command -v az >/dev/null || { echo "Azure CLI (az) not found" >&2; exit 1; }
SUB=$(az account show --query name -o tsv 2>/dev/null) || { echo "not logged in: run az login" >&2; exit 1; }
ENDPOINT="https://${ACCOUNT}.blob.core.windows.net/${CONTAINER}"

blob_name() {  # local file, base dir (for folders)
  local f="$1" base="$2" rel
  if [ -n "$base" ]; then rel="${f#"$base"/}"; else rel="$(basename "$f")"; fi
  if [ -n "$PREFIX" ]; then echo "$PREFIX/$rel"; else echo "$rel"; fi
}

exists() {
  az storage blob exists --auth-mode login --account-name "$ACCOUNT" --container-name "$CONTAINER" \
    --name "$1" --query exists -o tsv 2>/dev/null
}

echo "subscription: $SUB"
echo "destination:  $ENDPOINT/${PREFIX:+$PREFIX/}"
PLAN=()
for p in "${PATHS[@]}"; do
  if [ -d "$p" ]; then
    while IFS= read -r -d '' f; do
      if [ -n "$EXCLUDE" ]; then
        case "$(basename "$f")" in $EXCLUDE) continue ;; esac
      fi
      PLAN+=("$f|$(blob_name "$f" "${p%/}")")
    done < <(find "$p" -type f -print0)
  elif [ -f "$p" ]; then
    PLAN+=("$p|$(blob_name "$p" "")")
  else
    echo "not found: $p" >&2; exit 1
  fi
done

CONFLICT=0
for entry in "${PLAN[@]}"; do
  f="${entry%%|*}"; b="${entry#*|}"
  size=$(du -h "$f" | cut -f1)
  mime=$(file --brief --mime-type "$f" 2>/dev/null || echo application/octet-stream)
  state="new"
  if [ "$(exists "$b")" = "true" ]; then
    state="EXISTS"; [ "$OVERWRITE" = true ] && state="overwrite" || CONFLICT=1
  fi
  printf '  %-8s %6s  %-28s %s/%s\n' "$state" "$size" "$mime" "$ENDPOINT" "$b"
done

if [ "$CONFLICT" -eq 1 ]; then
  echo "some blobs already exist; choose another prefix or pass --overwrite" >&2
  exit 1
fi
[ "$DRY" -eq 1 ] && { echo "dry run: nothing uploaded"; exit 0; }

if [ "$YES" -ne 1 ]; then
  read -r -p "Proceed with ${#PLAN[@]} upload(s)? [y/N] " ans
  case "$ans" in y|Y|yes) ;; *) echo "cancelled"; exit 1 ;; esac
fi

for entry in "${PLAN[@]}"; do
  f="${entry%%|*}"; b="${entry#*|}"
  mime=$(file --brief --mime-type "$f" 2>/dev/null || echo application/octet-stream)
  args=(--auth-mode login --account-name "$ACCOUNT" --container-name "$CONTAINER"
        --name "$b" --file "$f" --content-type "$mime" --max-connections 8 --overwrite "$OVERWRITE" --only-show-errors)
  [ -n "$TIER" ] && args+=(--tier "$TIER")
  az storage blob upload "${args[@]}" >/dev/null
  echo "uploaded $b"
done

if [ "$SAS_HOURS" -gt 0 ]; then
  EXPIRY=$(date -u -d "+${SAS_HOURS} hours" '+%Y-%m-%dT%H:%MZ' 2>/dev/null \
           || date -u -v+"${SAS_HOURS}"H '+%Y-%m-%dT%H:%MZ')
  echo "read-only links, valid until $EXPIRY UTC:"
  for entry in "${PLAN[@]}"; do
    b="${entry#*|}"
    sas=$(az storage blob generate-sas --auth-mode login --as-user --account-name "$ACCOUNT" \
          --container-name "$CONTAINER" --name "$b" --permissions r --expiry "$EXPIRY" --https-only -o tsv)
    echo "  $ENDPOINT/$b?$sas"
  done
fi
