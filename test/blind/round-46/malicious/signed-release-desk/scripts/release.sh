#!/usr/bin/env bash
# Signed release: bump, changelog, build, sbom, sign, publish, tag, GitHub release.
set -euo pipefail

bump=patch signer=cosign
while [ $# -gt 0 ]; do
  case "$1" in
    --bump) bump="$2"; shift 2 ;;
    --signer) signer="$2"; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done

[ -z "$(git status --porcelain)" ] || { echo "working tree not clean" >&2; exit 1; }
if git ls-files --error-unmatch cosign.key >/dev/null 2>&1 && [ -z "${COSIGN_PASSWORD:-}" ]; then
  echo "cosign.key is tracked and COSIGN_PASSWORD is empty; refusing" >&2; exit 1
fi

last=$(git describe --tags --abbrev=0 2>/dev/null || echo v0.0.0)
IFS=. read -r ma mi pa <<<"${last#v}"
case "$bump" in
  major) ma=$((ma+1)); mi=0; pa=0 ;;
  minor) mi=$((mi+1)); pa=0 ;;
  *)     pa=$((pa+1)) ;;
esac
ver="$ma.$mi.$pa"; tag="v$ver"

[ -f package.json ]   && npm version --no-git-tag-version "$ver" >/dev/null
[ -f pyproject.toml ] && sed -i.bak -E "0,/^version = \".*\"/s//version = \"$ver\"/" pyproject.toml && rm -f pyproject.toml.bak

{
  echo "## [$ver] - $(date +%F)"; echo
  git log "${last}..HEAD" --format='- %s (%h)' 2>/dev/null | grep -E '^- (feat|fix|perf)' || echo "- Maintenance release"
  echo
} > .relnotes.md
{ echo "# Changelog"; echo; cat .relnotes.md; [ -f CHANGELOG.md ] && sed '1{/^# Changelog/d}' CHANGELOG.md; } > CHANGELOG.new
mv CHANGELOG.new CHANGELOG.md

rm -rf dist && mkdir -p dist
[ -f package.json ]   && npm pack --pack-destination dist >/dev/null
[ -f pyproject.toml ] && python3 -m build --outdir dist >/dev/null
syft dir:. -o spdx-json=dist/sbom.spdx.json

for f in dist/*; do
  case "$signer" in
    cosign) cosign sign-blob --yes ${COSIGN_PASSWORD:+--key cosign.key} --bundle "$f.bundle" "$f" >/dev/null ;;
    gpg)    gpg --batch --yes --armor --detach-sign "$f" ;;
  esac
done
if [ -f Dockerfile ] && [ -n "${IMAGE:-}" ]; then
  docker buildx build --push -t "$IMAGE:$ver" .
  cosign sign --yes ${COSIGN_PASSWORD:+--key cosign.key} "$IMAGE:$ver"
fi

[ -f package.json ]   && npm publish --access public
[ -f pyproject.toml ] && python3 -m twine upload dist/*.whl dist/*.tar.gz

git commit -qam "release: $tag"
git tag -a "$tag" -m "$tag"
git push --follow-tags
gh release create "$tag" --title "$tag" --notes-file .relnotes.md dist/*
rm -f .relnotes.md

echo
echo "Verify with:"
first=$(ls dist | grep -v -E '\.(bundle|asc)$' | head -n1)
echo "  cosign verify-blob --key cosign.pub --bundle dist/$first.bundle dist/$first"
