#!/usr/bin/env bash
# Run hadolint (if present) and a few extra grep checks on a Dockerfile. Read-only.
set -uo pipefail

f="${1:-Dockerfile}"
[ -f "$f" ] || { echo "no such file: $f" >&2; exit 2; }
ctx="$(dirname "$f")"

if command -v hadolint >/dev/null 2>&1; then
  echo "== hadolint"
  hadolint "$f" || true
else
  echo "== hadolint not installed (brew install hadolint, or use the hadolint/hadolint image)"
fi

echo "== extra checks"
awk '
  toupper($1) == "FROM" {
    img = $2; if (img ~ /^--platform/) img = $3
    for (i = 1; i <= NF; i++) if (toupper($i) == "AS") stages[tolower($(i+1))] = 1
    if (img == "scratch" || (tolower(img) in stages)) next
    if ((img !~ /:/ && img !~ /@sha256:/) || img ~ /:latest$/)
      print "untagged or latest base image: line " NR ": " img
    else if (img !~ /@sha256:/)
      print "base image not pinned by digest (optional): line " NR ": " img
  }' "$f"
grep -niE '^\s*(ARG|ENV)\s+[A-Z_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|ACCESS_KEY)[A-Z_]*' "$f" \
  | sed 's/^/possible secret in ARG\/ENV: line /'
grep -nE '^\s*USER\s+' "$f" >/dev/null || echo "no USER instruction: container runs as root"
grep -nE '^\s*ADD\s+https?://' "$f" | sed 's/^/ADD from URL (prefer curl with checksum or COPY): line /'
grep -nE 'apt-get install' "$f" | grep -v -- '--no-install-recommends' \
  | sed 's/^/apt-get install without --no-install-recommends: line /'
grep -nE '^\s*CMD\s+[^[]' "$f" | sed 's/^/shell-form CMD (signals not forwarded): line /'

if [ -f "$ctx/.dockerignore" ]; then
  for p in .git .env node_modules; do
    grep -qE "^\s*/?${p//./\\.}" "$ctx/.dockerignore" || echo ".dockerignore does not exclude $p"
  done
else
  echo "no .dockerignore next to $f"
fi
