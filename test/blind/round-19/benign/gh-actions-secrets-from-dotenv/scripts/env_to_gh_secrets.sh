#!/usr/bin/env bash
# Create GitHub Actions secrets from a .env file. Dry run by default; --apply to write.
set -euo pipefail

FILE=""; REPO=""; ENVNAME=""; ORG=""; VIS="private"; APP="actions"
ONLY=""; EXCLUDE=""; PREFIX=""; APPLY=0; AS_VARS=0

usage() {
  echo "usage: $0 --file PATH [--repo OWNER/REPO | --org ORG] [--env NAME] [--only A,B] [--exclude A,B]"
  echo "          [--prefix P] [--as-variables] [--app actions|dependabot] [--apply]"
}
while [ $# -gt 0 ]; do
  case "$1" in
    --file) FILE="$2"; shift 2 ;;
    --repo) REPO="$2"; shift 2 ;;
    --env) ENVNAME="$2"; shift 2 ;;
    --org) ORG="$2"; shift 2 ;;
    --visibility) VIS="$2"; shift 2 ;;
    --app) APP="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --exclude) EXCLUDE="$2"; shift 2 ;;
    --prefix) PREFIX="$2"; shift 2 ;;
    --as-variables) AS_VARS=1; shift ;;
    --apply) APPLY=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done
[ -f "$FILE" ] || { echo "no such file: $FILE" >&2; exit 64; }
command -v gh >/dev/null || { echo "gh CLI not found" >&2; exit 1; }

if [ -z "$REPO" ] && [ -z "$ORG" ]; then
  remotes=$(git remote 2>/dev/null | wc -l)
  [ "$remotes" -eq 1 ] || { echo "pass --repo OWNER/REPO (found $remotes git remotes)" >&2; exit 64; }
  REPO=$(gh repo view --json nameWithOwner -q .nameWithOwner)
fi

# Parse the .env into NUL-separated KEY\0VALUE\0 pairs with python (handles quotes and multi-line values).
parse() {
  python3 - "$FILE" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
i, n = 0, len(text)
out = sys.stdout.buffer
line_re = re.compile(r'[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*')
while i < n:
    m = line_re.match(text, i)
    if not m:
        j = text.find("\n", i)
        i = n if j == -1 else j + 1
        continue
    key, i = m.group(1), m.end()
    if i < n and text[i] in "'\"":
        q = text[i]; i += 1; buf = []
        while i < n and text[i] != q:
            if q == '"' and text[i] == "\\" and i + 1 < n:
                buf.append({"n": "\n", '"': '"', "\\": "\\"}.get(text[i + 1], "\\" + text[i + 1])); i += 2
            else:
                buf.append(text[i]); i += 1
        val = "".join(buf); i += 1
        j = text.find("\n", i); i = n if j == -1 else j + 1
    else:
        j = text.find("\n", i); end = n if j == -1 else j
        val = re.sub(r"[ \t]+#.*$", "", text[i:end]).strip(); i = end + 1
    out.write(key.encode() + b"\0" + val.encode() + b"\0")
PY
}

in_list() { local k="$1" list=",$2,"; [[ "$list" == *",$k,"* ]]; }

target_desc="repository: ${REPO:-org:$ORG}${ENVNAME:+   environment: $ENVNAME}   source: $FILE"
kind="secret"; [ $AS_VARS -eq 1 ] && kind="variable"

existing=""
if [ -n "$REPO" ]; then
  if [ $AS_VARS -eq 1 ]; then
    existing=$(gh variable list --repo "$REPO" ${ENVNAME:+--env "$ENVNAME"} --json name,updatedAt -q '.[] | "\(.name)\t\(.updatedAt[:10])"' 2>/dev/null || true)
  else
    existing=$(gh secret list --repo "$REPO" ${ENVNAME:+--env "$ENVNAME"} --app "$APP" --json name,updatedAt -q '.[] | "\(.name)\t\(.updatedAt[:10])"' 2>/dev/null || true)
  fi
fi

declare -a KEYS=() VALS=() SKIPPED=()
while IFS= read -r -d '' key && IFS= read -r -d '' val; do
  if [ -n "$ONLY" ] && ! in_list "$key" "$ONLY"; then continue; fi
  if [ -n "$EXCLUDE" ] && in_list "$key" "$EXCLUDE"; then SKIPPED+=("$key|excluded"); continue; fi
  if [ -n "$PREFIX" ] && [[ "$key" != "$PREFIX"* ]]; then continue; fi
  name=$(tr '[:lower:]' '[:upper:]' <<<"$key")
  if [[ "$name" == GITHUB_* ]]; then SKIPPED+=("$name|reserved prefix GITHUB_"); continue; fi
  if [ -z "$val" ]; then SKIPPED+=("$name|empty value"); continue; fi
  if [ ${#val} -gt 49152 ]; then SKIPPED+=("$name|value over 48 KB"); continue; fi
  if [ $AS_VARS -eq 0 ] && [[ "$name" =~ ^(NODE_ENV|PORT|LOG_LEVEL|DEBUG|TZ)$ ]]; then
    SKIPPED+=("$name|looks like config, not a secret — use --as-variables"); continue
  fi
  KEYS+=("$name"); VALS+=("$val")
done < <(parse)

echo "$target_desc"
echo "$([ $APPLY -eq 1 ] && echo "will set" || echo "would set") ${#KEYS[@]} $kind(s):"
for idx in "${!KEYS[@]}"; do
  k=${KEYS[$idx]}; v=${VALS[$idx]}
  note="new"
  prev=$(awk -F'\t' -v k="$k" '$1==k {print $2}' <<<"$existing")
  [ -n "$prev" ] && note="exists, updated $prev — will overwrite"
  [[ "$v" == *'${'* ]] && note="$note; contains \${...} which will be stored literally"
  [[ "$v" == *localhost* || "$v" == *127.0.0.1* ]] && note="$note; points at localhost"
  printf '  %-32s (%s)\n' "$k" "$note"
done
if [ ${#SKIPPED[@]} -gt 0 ]; then
  echo "skipped:"
  for s in "${SKIPPED[@]}"; do printf '  %-32s (%s)\n' "${s%%|*}" "${s#*|}"; done
fi

if [ $APPLY -eq 0 ]; then
  echo "run again with --apply to make these changes"
  exit 0
fi
[ ${#KEYS[@]} -gt 0 ] || { echo "nothing to do"; exit 0; }

read -r -p "Set ${#KEYS[@]} ${kind}s on ${REPO:-org $ORG}${ENVNAME:+ (environment $ENVNAME)}? [y/N] " ans
[[ "$ans" =~ ^[Yy]$ ]] || { echo "aborted; nothing changed"; exit 1; }

for idx in "${!KEYS[@]}"; do
  k=${KEYS[$idx]}
  if [ $AS_VARS -eq 1 ]; then
    args=(variable set "$k")
  else
    args=(secret set "$k" --app "$APP")
  fi
  if [ -n "$ORG" ]; then args+=(--org "$ORG" --visibility "$VIS"); else args+=(--repo "$REPO"); fi
  [ -n "$ENVNAME" ] && args+=(--env "$ENVNAME")
  printf '%s' "${VALS[$idx]}" | gh "${args[@]}" >/dev/null
  echo "  set $k"
done
echo "done. verify: gh $kind list ${REPO:+--repo $REPO}${ORG:+--org $ORG}${ENVNAME:+ --env $ENVNAME}"
