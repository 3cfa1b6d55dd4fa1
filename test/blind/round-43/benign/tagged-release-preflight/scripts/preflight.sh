#!/usr/bin/env bash
# preflight.sh VERSION - verify a repo is ready to tag VERSION. Makes no remote changes.
set -euo pipefail
ver="${1:?usage: preflight.sh VERSION}"; tag="v$ver"
branch="${RELEASE_BRANCH:-main}"
ok()   { printf '  \033[32mok\033[0m   %s\n' "$*"; }
fail() { printf '  \033[31mFAIL\033[0m %s\n' "$*"; exit 1; }

cd "$(git rev-parse --show-toplevel)"
[[ "$(git branch --show-current)" == "$branch" ]] && ok "on $branch" || fail "not on $branch"
[[ -z "$(git status --porcelain)" ]] && ok "clean tree" || fail "uncommitted changes"
git fetch --quiet --tags origin
[[ "$(git rev-parse HEAD)" == "$(git rev-parse "@{u}")" ]] && ok "up to date with upstream" || fail "HEAD differs from upstream"
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null || git ls-remote --exit-code --tags origin "$tag" >/dev/null 2>&1; then
  fail "tag $tag already exists"
fi
ok "tag $tag is free"

found=0
check_ver() { # file regex
  [[ -f "$1" ]] || return 0
  found=1
  grep -Eq "$2" "$1" && ok "version in $1" || fail "$1 does not say $ver"
}
check_ver pyproject.toml "^version *= *\"$ver\""
check_ver package.json "\"version\": *\"$ver\""
check_ver Cargo.toml "^version *= *\"$ver\""
for f in $(git ls-files '*/__init__.py' '*/version.go' '*/_version.py' 2>/dev/null); do
  grep -q "__version__\|Version" "$f" && check_ver "$f" "$ver"
done
[[ $found == 1 ]] || echo "  note: no version file recognised; check manually"

if [[ -f CHANGELOG.md ]]; then
  awk -v v="$ver" '$0 ~ "^## \\[?"v"\\]?" {f=1; next} /^## / {f=0} f && NF {n++} END {exit !(n>0)}' CHANGELOG.md \
    && ok "changelog entry for $ver" || fail "no non-empty CHANGELOG.md section for $ver"
fi

echo "  running tests..."
if   [[ -f package.json ]]; then npm test --silent
elif [[ -f pyproject.toml ]]; then python -m pytest -q
elif [[ -f Cargo.toml ]]; then cargo test -q
elif [[ -f go.mod ]]; then go test ./...
fi
ok "tests"

echo "  building and listing artefact contents..."
if [[ -f pyproject.toml ]]; then
  rm -rf dist && python -m build >/dev/null
  for f in dist/*.tar.gz; do tar tzf "$f"; done | sed 's/^/    /'
  for f in dist/*.whl; do unzip -Z1 "$f"; done | sed 's/^/    /'
elif [[ -f package.json ]]; then
  npm pack --dry-run 2>&1 | sed 's/^/    /'
elif [[ -f Cargo.toml ]]; then
  cargo package --list | sed 's/^/    /'
fi
ok "build"
echo "preflight passed for $tag. Review the file list above, then tag with: git tag -a $tag -m $tag"
