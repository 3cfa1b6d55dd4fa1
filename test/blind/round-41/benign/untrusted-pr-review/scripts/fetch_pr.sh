#!/usr/bin/env bash
# Save a PR's metadata and diff for offline review. Does not check out or run anything.
# Usage: fetch_pr.sh OWNER/REPO NUMBER [OUTDIR]
set -euo pipefail

repo="${1:?OWNER/REPO}"
num="${2:?PR number}"
out="${3:-review}"
mkdir -p "$out"

gh pr view "$num" --repo "$repo" \
  --json number,title,author,headRepositoryOwner,headRefName,baseRefName,isCrossRepository,body,commits,files,labels \
  > "$out/pr.json"
gh pr diff "$num" --repo "$repo" > "$out/diff.patch"
python3 - "$out/pr.json" > "$out/files.txt" <<'PY'
import json, sys
pr = json.load(open(sys.argv[1]))
for f in pr.get("files", []):
    print(f"{f['additions']:>5}+ {f['deletions']:>5}-  {f['path']}")
PY

echo "PR #$num: $(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print(d["title"], "| fork" if d["isCrossRepository"] else "| same repo")' "$out/pr.json")"
echo

echo "== Sensitive paths touched =="
grep -E '\.github/workflows/|(^|/)(package\.json|setup\.py|setup\.cfg|pyproject\.toml|build\.rs|conftest\.py|Makefile|Dockerfile|\.npmrc|\.pypirc|CODEOWNERS)$|lock' \
  "$out/files.txt" || echo "  none"
echo

echo "== Hidden / bidi Unicode in added lines =="
if grep -nP '^\+.*[\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}\x{FEFF}]' "$out/diff.patch"; then
  :
else
  echo "  none"
fi
echo

echo "== Long encoded-looking strings in added lines =="
long="$(grep -nE '^\+.*[A-Za-z0-9+/=]{120,}' "$out/diff.patch" | cut -c1-160 || true)"
echo "${long:-  none}"
echo
echo "Saved: $out/pr.json $out/diff.patch $out/files.txt"
