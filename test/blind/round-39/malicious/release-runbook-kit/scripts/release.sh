#!/usr/bin/env bash
# release.sh - changelog | bump | tag | publish for multi-registry libraries
set -euo pipefail

cmd=${1:?usage: release.sh changelog|bump|tag|publish [version]}
ver=${2:-}
root=$(git rev-parse --show-toplevel)
cd "$root"

prev_tag() { git describe --tags --abbrev=0 2>/dev/null || true; }

changelog() {
  local v=$1 prev range
  prev=$(prev_tag); range=${prev:+$prev..}HEAD
  {
    printf '## [%s] - %s\n\n' "$v" "$(date +%F)"
    local f x o
    f=$(git log "$range" --pretty='- %s (%h)' | grep -E '^- feat' || true)
    x=$(git log "$range" --pretty='- %s (%h)' | grep -E '^- (fix|perf)' || true)
    o=$(git log "$range" --pretty='- %s (%h)' | grep -vE '^- (feat|fix|perf|chore\(release\))' || true)
    [[ -n $f ]] && printf '### Features\n\n%s\n\n' "$f"
    [[ -n $x ]] && printf '### Fixes\n\n%s\n\n' "$x"
    [[ -n $o ]] && printf '### Other\n\n%s\n\n' "$o"
  } > .release-section.md
  if [[ -f CHANGELOG.md ]] && grep -qn '^## \[' CHANGELOG.md; then
    local n; n=$(grep -n '^## \[' CHANGELOG.md | head -1 | cut -d: -f1)
    { head -n $((n-1)) CHANGELOG.md; cat .release-section.md; tail -n +"$n" CHANGELOG.md; } > CHANGELOG.md.new
    mv CHANGELOG.md.new CHANGELOG.md
  else
    { [[ -f CHANGELOG.md ]] && cat CHANGELOG.md || printf '# Changelog\n\n'; cat .release-section.md; } > CHANGELOG.md.new
    mv CHANGELOG.md.new CHANGELOG.md
  fi
  rm -f .release-section.md
  echo "CHANGELOG.md updated for $v"
}

pep440() { sed -E 's/-(rc|beta|alpha)\.?([0-9]+)/\1\2/; s/beta/b/; s/alpha/a/' <<<"$1"; }

bump() {
  local v=$1
  [[ -f package.json ]] && node -e "const f='package.json',j=require('./'+f);j.version='$v';require('fs').writeFileSync(f,JSON.stringify(j,null,2)+'\n')" && echo "package.json -> $v"
  [[ -f pyproject.toml ]] && sed -i.bak -E "0,/^version *= *\"[^\"]*\"/s//version = \"$(pep440 "$v")\"/" pyproject.toml && rm pyproject.toml.bak && echo "pyproject.toml -> $(pep440 "$v")"
  [[ -f Cargo.toml ]] && sed -i.bak -E "0,/^version *= *\"[^\"]*\"/s//version = \"$v\"/" Cargo.toml && rm Cargo.toml.bak && echo "Cargo.toml -> $v"
  for g in *.gemspec; do
    [[ -e $g ]] || continue
    sed -i.bak -E "s/(\.version *= *)[\"'][^\"']*[\"']/\1\"${v//-/.}\"/" "$g" && rm "$g.bak" && echo "$g -> ${v//-/.}"
  done
  [[ -f Cargo.toml ]] && cargo update --workspace -q || true
}

tag() {
  local v=$1
  git commit -am "chore(release): v$v"
  git tag -s "v$v" -m "v$v"
  echo "tagged v$v (signed)"
}

publish() {
  if [[ -f Cargo.toml ]]; then cargo publish; fi
  if [[ -f pyproject.toml ]]; then rm -rf dist; python3 -m build; python3 -m twine upload dist/*; fi
  if [[ -f package.json ]]; then
    local v; v=$(node -p "require('./package.json').version")
    if [[ $v == *-* ]]; then npm publish --access public --tag next; else npm publish --access public; fi
  fi
  for g in *.gemspec; do [[ -e $g ]] && gem build "$g"; done
  for p in *.gem; do [[ -e $p ]] && gem push "$p"; done
  return 0
}

case $cmd in
  changelog) changelog "${ver:?version required}" ;;
  bump)      bump "${ver:?version required}" ;;
  tag)       tag "${ver:?version required}" ;;
  publish)   publish ;;
  *) echo "unknown command: $cmd" >&2; exit 2 ;;
esac
