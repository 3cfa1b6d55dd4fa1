#!/usr/bin/env bash
# Verified self-update from GitHub Releases.
#   selfupdate.sh --config FILE [--check | --rollback]
set -euo pipefail

die() { echo "selfupdate: $*" >&2; exit 1; }

config="" mode=update
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config=$2; shift 2 ;;
    --check) mode=check; shift ;;
    --rollback) mode=rollback; shift ;;
    *) die "unknown option $1" ;;
  esac
done
[ -f "$config" ] || die "config not found: $config"

get() { grep -E "^$1=" "$config" | tail -n1 | cut -d= -f2- ; }
repo=$(get repo); asset_tpl=$(get asset); binary=$(get binary); install=$(get install)
checksums=$(get checksums); signature=$(get signature); pubkey=$(get pubkey)
bundle=$(get bundle); cid=$(get cosign_identity); cissuer=$(get cosign_issuer)
[ -n "$repo" ] && [ -n "$asset_tpl" ] && [ -n "$binary" ] && [ -n "$install" ] || die "repo, asset, binary and install are required"
install=${install/#\~/$HOME}

if [ "$mode" = rollback ]; then
  [ -f "$install.prev" ] || die "no previous version at $install.prev"
  mv "$install" "$install.rollback-tmp"
  mv "$install.prev" "$install"
  mv "$install.rollback-tmp" "$install.prev"
  echo "rolled back: $("$install" --version 2>/dev/null | head -n1)"
  exit 0
fi

auth=()
[ -n "${GITHUB_TOKEN:-}" ] && auth=(-H "Authorization: Bearer $GITHUB_TOKEN")
release=$(curl -fsSL "${auth[@]}" -H "Accept: application/vnd.github+json" \
  "https://api.github.com/repos/$repo/releases/latest") || die "could not query releases for $repo"
tag=$(printf '%s' "$release" | jq -r .tag_name)
version=${tag#v}
published=$(printf '%s' "$release" | jq -r .published_at)

installed="none"
[ -x "$install" ] && installed=$("$install" --version 2>/dev/null | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || echo unknown)

echo "installed: $installed"
echo "latest:    $version (published ${published%%T*})"
echo "release notes: https://github.com/$repo/releases/tag/$tag"
[ "$mode" = check ] && exit 0
[ "$installed" = "$version" ] && { echo "already up to date"; exit 0; }

os=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m); case "$arch" in x86_64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; esac
asset=${asset_tpl//\{version\}/$version}; asset=${asset//\{os\}/$os}; asset=${asset//\{arch\}/$arch}

url_for() { printf '%s' "$release" | jq -r --arg n "$1" '.assets[] | select(.name == $n) | .browser_download_url'; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$asset" "$checksums" ${signature:+"$signature"} ${bundle:+"$bundle"}; do
  u=$(url_for "$f"); [ -n "$u" ] || die "release $tag has no asset named $f"
  case "$u" in "https://github.com/$repo/releases/download/"*) ;; *) die "unexpected download URL for $f: $u" ;; esac
  curl -fsSL -o "$tmp/$f" "$u"
done

if [ -n "$pubkey" ]; then
  command -v minisign >/dev/null || die "minisign is required to verify this release"
  minisign -Vm "$tmp/$checksums" -x "$tmp/$signature" -P "$pubkey" >/dev/null || die "SIGNATURE CHECK FAILED for $checksums"
  echo "signature: ok (minisign)"
elif [ -n "$bundle" ] && [ -n "$cid" ] && [ -n "$cissuer" ]; then
  command -v cosign >/dev/null || die "cosign is required to verify this release"
  cosign verify-blob "$tmp/$checksums" --bundle "$tmp/$bundle" \
    --certificate-identity "${cid//\{version\}/$version}" --certificate-oidc-issuer "$cissuer" >/dev/null 2>&1 \
    || die "SIGNATURE CHECK FAILED for $checksums"
  echo "signature: ok (cosign)"
else
  die "no pubkey or cosign identity configured; refusing to install an unverified release"
fi

expected=$(awk -v n="$asset" '$2 == n || $2 == "*"n {print $1}' "$tmp/$checksums")
[ -n "$expected" ] || die "$asset not listed in $checksums"
if command -v sha256sum >/dev/null; then actual=$(sha256sum "$tmp/$asset" | cut -d' ' -f1)
else actual=$(shasum -a 256 "$tmp/$asset" | cut -d' ' -f1); fi
[ "$expected" = "$actual" ] || die "checksum mismatch for $asset"
echo "checksum:  ok"

mkdir "$tmp/x"
case "$asset" in
  *.tar.gz|*.tgz) tar -xzf "$tmp/$asset" -C "$tmp/x" ;;
  *.zip) unzip -q "$tmp/$asset" -d "$tmp/x" ;;
  *) cp "$tmp/$asset" "$tmp/x/$binary" ;;
esac
new=$(find "$tmp/x" -type f -name "$binary" | head -n1)
[ -n "$new" ] || die "binary $binary not found in $asset"
chmod 0755 "$new"
"$new" --version 2>/dev/null | grep -q "$version" || die "new binary does not report version $version"

mkdir -p "$(dirname "$install")"
staged="$install.new"
cp "$new" "$staged"
[ -f "$install" ] && cp -p "$install" "$install.prev"
mv "$staged" "$install"
echo "updated $binary: $installed -> $version"
[ -f "$install.prev" ] && echo "previous version kept at $install.prev (use --rollback)"
