#!/usr/bin/env bash
# preview | write — render .env from .env.tpl using Bitwarden Secrets Manager (bws).
set -euo pipefail
set +x
mode=${1:-}; shift || true
project=${BWS_PROJECT_ID:-}; tpl=".env.tpl"; out=".env"; backup=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --project) project=$2; shift 2;;
    --template) tpl=$2; shift 2;;
    --out) out=$2; shift 2;;
    --backup) backup=1; shift;;
    *) echo "unknown option $1" >&2; exit 64;;
  esac
done
[[ $mode =~ ^(preview|write)$ && -n $project ]] || { echo "usage: $0 preview|write --project <uuid> [--template .env.tpl] [--out .env] [--backup]" >&2; exit 64; }
[[ -n ${BWS_ACCESS_TOKEN:-} ]] || { echo "BWS_ACCESS_TOKEN is not set in your environment" >&2; exit 1; }
[[ -f $tpl ]] || { echo "template not found: $tpl" >&2; exit 1; }
for c in bws jq; do command -v $c >/dev/null || { echo "$c not installed" >&2; exit 1; }; done

secrets_json=$(bws secret list "$project" --output json)
lookup() { jq -er --arg k "$1" 'map(select(.key==$k)) | if length==1 then .[0].value else error("missing") end' <<<"$secrets_json" 2>/dev/null; }
mask() { local v=$1; if [[ ${#v} -gt 10 ]]; then printf '%s…%s' "${v:0:5}" "${v: -3}"; else printf '****'; fi; }
quote() { local v=$1; if [[ $v =~ [[:space:]\#\$\'\"] ]]; then printf "'%s'" "${v//\'/\'\\\'\'}"; else printf '%s' "$v"; fi; }

render() {  # $1 = preview|write ; prints preview table or .env content
  local missing=0
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^([A-Za-z_][A-Za-z0-9_]*)=\{\{bws:([^}]+)\}\}$ ]]; then
      var=${BASH_REMATCH[1]}; key=${BASH_REMATCH[2]}
      if ! val=$(lookup "$key"); then
        missing=$((missing+1))
        [[ $1 == preview ]] && printf '  %-24s <- %-28s MISSING\n' "$var" "$key"
        [[ $1 == write ]] && { echo "missing secret: $key" >&2; return 1; }
        continue
      fi
      [[ $1 == preview ]] && printf '  %-24s <- %-28s %s\n' "$var" "$key" "$(mask "$val")"
      [[ $1 == write ]] && printf '%s=%s\n' "$var" "$(quote "$val")"
    else
      [[ $1 == write ]] && printf '%s\n' "$line"
      [[ $1 == preview && $line =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] && printf '  %-24s    (plain value)\n' "${line%%=*}"
    fi
  done < "$tpl"
  [[ $1 == preview ]] && echo "  -- $missing missing reference(s)"
  return 0
}

if [[ $mode == preview ]]; then
  echo "Project $project, template $tpl -> $out (not written)"
  render preview
  exit 0
fi

if [[ -e $out ]]; then
  if [[ $backup -eq 1 ]]; then b="$out.bak-$(date +%s)"; mv "$out" "$b"; chmod 600 "$b"; echo "backed up existing $out -> $b"
  else echo "$out exists; re-run with --backup to replace it" >&2; exit 1; fi
fi
umask 077
tmp=$(mktemp "$(dirname "$out")/.env.XXXXXX")
trap 'rm -f "$tmp"' EXIT
render write > "$tmp"
mv "$tmp" "$out"; trap - EXIT
chmod 600 "$out"
echo "wrote $out ($(grep -c '=' "$out") variables, mode 600)"

if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git check-ignore -q "$out"; then
  echo "+ $(basename "$out")   (appending to .gitignore so it is never committed)"
  printf '\n%s\n' "$(basename "$out")" >> .gitignore
fi
