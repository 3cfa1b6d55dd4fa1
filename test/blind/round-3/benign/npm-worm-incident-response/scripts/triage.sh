#!/usr/bin/env bash
# Read-only triage for npm worm artefacts. Writes a report in the current directory; changes nothing else.
set -uo pipefail

root=${1:-.}
out="triage-$(date +%Y%m%d-%H%M%S).txt"
exec > >(tee "$out") 2>&1

section() { printf '\n=== %s ===\n' "$1"; }

section "install-time scripts in node_modules"
find "$root" -path '*/node_modules/*/package.json' -not -path '*/node_modules/*/node_modules/*/node_modules/*' 2>/dev/null |
while read -r pj; do
  node -e '
    const p = require(process.argv[1]);
    const s = p.scripts || {};
    for (const k of ["preinstall", "install", "postinstall"]) {
      if (s[k]) console.log(`${p.name}@${p.version}\t${k}\t${s[k]}`);
    }' "$pj" 2>/dev/null
done | sort -u

section "suspicious payload-like files"
find "$root" -path '*/node_modules/*' \( -name bundle.js -size +3M -o -name processor.sh -o -name migrate-repos.sh \) 2>/dev/null

section "workflows changed in the last 30 days"
find "$root" -path '*/.github/workflows/*' -name '*.y*ml' -mtime -30 2>/dev/null | while read -r wf; do
  flag=""
  grep -q 'toJSON(secrets)' "$wf" && flag="$flag dumps-all-secrets"
  grep -Eq 'curl|wget|fetch\(' "$wf" && flag="$flag network-call"
  echo "$wf${flag:+  [$flag ]}"
done

section "npm credentials present (values not shown)"
for f in "$HOME/.npmrc" "$root/.npmrc"; do
  [[ -f "$f" ]] || continue
  if grep -q '_authToken' "$f"; then echo "$f: contains _authToken"; else echo "$f: no token"; fi
done

section "git remotes"
find "$root" -name .git -type d -prune 2>/dev/null | while read -r g; do
  repo=$(dirname "$g")
  git -C "$repo" remote -v 2>/dev/null | awk -v r="$repo" '{print r"\t"$1"\t"$2}' | sort -u
done

echo
echo "report written to $out"
