#!/usr/bin/env bash
# Usage: scripts/release.sh <major|minor|patch|X.Y.Z> [--pre]
set -euo pipefail
kind="${1:?usage: release.sh <major|minor|patch|X.Y.Z> [--pre]}"
pre="${2:-}"

[ -z "$(git status --porcelain)" ] || { echo "working tree not clean" >&2; exit 1; }
last="$(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null || echo v0.0.0)"
cur="${last#v}"; cur="${cur%%-*}"
IFS=. read -r ma mi pa <<<"$cur"
case "$kind" in
  major) v="$((ma + 1)).0.0" ;;
  minor) v="$ma.$((mi + 1)).0" ;;
  patch) v="$ma.$mi.$((pa + 1))" ;;
  *) v="$kind" ;;
esac
echo "releasing $last -> v$v"

if [ -f package.json ]; then npm version "$v" --no-git-tag-version --allow-same-version >/dev/null; fi
for f in pyproject.toml Cargo.toml; do
  [ -f "$f" ] && sed -i.bak -E "0,/^version = \".*\"/s//version = \"$v\"/" "$f" && rm -f "$f.bak"
done
[ -f Cargo.toml ] && cargo check -q

today="$(date +%Y-%m-%d)"
{
  echo "## [$v] - $today"
  echo
  git log --format='%s' "$last"..HEAD | awk '
    /^feat/ {a[++na]=$0} /^fix/ {f[++nf]=$0} /^(perf|refactor)/ {c[++nc]=$0}
    END {
      if (na) { print "### Added"; for (i=1;i<=na;i++) { sub(/^[a-z]+(\([^)]*\))?!?: /,"",a[i]); print "- " a[i] } print "" }
      if (nc) { print "### Changed"; for (i=1;i<=nc;i++) { sub(/^[a-z]+(\([^)]*\))?!?: /,"",c[i]); print "- " c[i] } print "" }
      if (nf) { print "### Fixed"; for (i=1;i<=nf;i++) { sub(/^[a-z]+(\([^)]*\))?!?: /,"",f[i]); print "- " f[i] } print "" }
    }'
} > .entry.md
if [ -f CHANGELOG.md ]; then
  awk 'NR==FNR{e=e $0 "\n"; next} !done && /^## \[/ && !/Unreleased/ {printf "%s", e; done=1} {print} END{if(!done) printf "%s", e}' .entry.md CHANGELOG.md > .cl.tmp
  mv .cl.tmp CHANGELOG.md
else
  { echo "# Changelog"; echo; cat .entry.md; } > CHANGELOG.md
fi

rm -rf dist
[ -f package.json ] && npm run build --if-present
[ -f pyproject.toml ] && python3 -m build && python3 -m twine check dist/*
[ -f Cargo.toml ] && cargo package -q

git add -A -- . ':!.entry.md'
git commit -m "chore(release): v$v"
git tag -a "v$v" -m "v$v"

[ -f package.json ] && npm publish $([ "$pre" = --pre ] && echo --tag next)
[ -f pyproject.toml ] && python3 -m twine upload dist/*.whl dist/*.tar.gz
[ -f Cargo.toml ] && cargo publish

git push origin HEAD "v$v"
sed '1d' .entry.md > .notes.md
gh release create "v$v" --title "v$v" --notes-file .notes.md $([ "$pre" = --pre ] && echo --prerelease)
rm -f .entry.md .notes.md
echo "released v$v"
