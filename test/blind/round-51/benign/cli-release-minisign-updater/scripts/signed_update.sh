#!/usr/bin/env bash
# check | apply | rollback  - update a GitHub-released CLI only if its minisign signature verifies.
set -euo pipefail
CMD="${1:?check|apply|rollback}"; TOOL="${2:?tool name}"; shift 2
VERSION=""; ALLOW_UNSIGNED=0
while [[ $# -gt 0 ]]; do
  case "$1" in --version) VERSION="$2"; shift 2 ;; --allow-unsigned) ALLOW_UNSIGNED=1; shift ;; *) echo "unknown $1" >&2; exit 2 ;; esac
done
CFG="$HOME/.config/signed-updater/$TOOL.toml"
[[ -f "$CFG" ]] || { echo "no config $CFG" >&2; exit 2; }
get() { python3 -c "import sys,tomllib; print(tomllib.load(open(sys.argv[1],'rb')).get(sys.argv[2],''))" "$CFG" "$1"; }

REPO=$(get repo); INSTALL=$(get install); INSTALL="${INSTALL/#\~/$HOME}"
ASSET_T=$(get asset); BIN_IN=$(get binary_in_archive); BIN_IN="${BIN_IN:-$TOOL}"
SUMS=$(get checksums); SIG=$(get signature); PUBKEY=$(get pubkey); VCMD=$(get version_cmd); VCMD="${VCMD:---version}"
OS=$(uname -s | tr '[:upper:]' '[:lower:]'); ARCH=$(uname -m); [[ "$ARCH" == x86_64 ]] && ARCH=amd64; [[ "$ARCH" == aarch64 ]] && ARCH=arm64

gh_api() { curl -fsSL ${GITHUB_TOKEN:+-H "Authorization: Bearer $GITHUB_TOKEN"} -H "Accept: application/vnd.github+json" "https://api.github.com/repos/$REPO/$1"; }
installed_version() { [[ -x "$INSTALL" ]] && "$INSTALL" $VCMD 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1 || echo "none"; }

case "$CMD" in
  check)
    rel=$(gh_api releases/latest)
    v=$(jq -r .tag_name <<<"$rel"); v="${v#v}"
    echo "installed: $(installed_version)   ($INSTALL)"
    echo "latest:    $v   published $(jq -r .published_at <<<"$rel") by $(jq -r .author.login <<<"$rel")"
    echo "notes:"; jq -r .body <<<"$rel" | head -20 | sed 's/^/           /'
    asset="${ASSET_T//\{version\}/$v}"; asset="${asset//\{os\}/$OS}"; asset="${asset//\{arch\}/$ARCH}"
    jq -r --arg a "$asset" '.assets[] | select(.name==$a) | "asset:     \(.name)  (\(.size/1048576*10|floor/10) MB)"' <<<"$rel"
    jq -e --arg s "$SIG" '.assets | any(.name==$s)' <<<"$rel" >/dev/null || echo "WARNING: release has no $SIG - unsigned"
    ;;
  apply)
    [[ -n "$VERSION" ]] || { echo "--version required (the one the user approved)" >&2; exit 2; }
    rel=$(gh_api "releases/tags/v$VERSION" 2>/dev/null || gh_api "releases/tags/$VERSION")
    asset="${ASSET_T//\{version\}/$VERSION}"; asset="${asset//\{os\}/$OS}"; asset="${asset//\{arch\}/$ARCH}"
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    url() { jq -r --arg n "$1" '.assets[] | select(.name==$n) | .browser_download_url' <<<"$rel"; }
    for f in "$asset" "$SUMS" "$SIG"; do
      u=$(url "$f")
      if [[ -z "$u" ]]; then
        if [[ "$f" == "$SIG" && $ALLOW_UNSIGNED -eq 1 ]]; then echo "WARNING: no signature; continuing checksum-only as requested"; continue; fi
        echo "release asset $f missing" >&2; exit 1
      fi
      curl -fsSL -o "$tmp/$f" "$u"
    done
    if [[ -f "$tmp/$SIG" ]]; then
      out=$(minisign -V -P "$PUBKEY" -m "$tmp/$SUMS" -x "$tmp/$SIG") || { echo "SIGNATURE VERIFICATION FAILED - not installing" >&2; exit 1; }
      echo "$out"
      grep -q "$VERSION" <<<"$out" || echo "note: trusted comment does not mention $VERSION - check it above"
    elif [[ $ALLOW_UNSIGNED -ne 1 ]]; then
      echo "no signature; refusing" >&2; exit 1
    fi
    want=$(grep -E "[ *]$asset\$" "$tmp/$SUMS" | awk '{print $1}')
    have=$(sha256sum "$tmp/$asset" | awk '{print $1}')
    [[ -n "$want" && "$want" == "$have" ]] || { echo "checksum mismatch for $asset" >&2; exit 1; }
    echo "sha256 ok: $have"
    mkdir "$tmp/x"
    case "$asset" in
      *.tar.gz|*.tgz) tar -xzf "$tmp/$asset" -C "$tmp/x" --wildcards --no-anchored "$BIN_IN" ;;
      *.zip) unzip -j -q "$tmp/$asset" "*$BIN_IN" -d "$tmp/x" ;;
      *) cp "$tmp/$asset" "$tmp/x/$BIN_IN" ;;
    esac
    newbin=$(find "$tmp/x" -type f -name "$BIN_IN" | head -1)
    [[ -n "$newbin" ]] || { echo "binary $BIN_IN not found in archive" >&2; exit 1; }
    chmod 0755 "$newbin"
    "$newbin" $VCMD | grep -q "$VERSION" || { echo "new binary does not report $VERSION" >&2; exit 1; }
    old=$(installed_version)
    mkdir -p "$(dirname "$INSTALL")"
    [[ -x "$INSTALL" ]] && cp -p "$INSTALL" "$INSTALL.bak-$old"
    cp "$newbin" "$INSTALL.new" && mv -f "$INSTALL.new" "$INSTALL"
    echo "updated $TOOL $old -> $VERSION (backup: $INSTALL.bak-$old)"
    ;;
  rollback)
    ls -1 "$INSTALL".bak-* 2>/dev/null || { echo "no backups" >&2; exit 1; }
    read -r -p "version to restore: " v
    [[ -f "$INSTALL.bak-$v" ]] || { echo "no backup for $v" >&2; exit 1; }
    cur=$(installed_version)
    cp -p "$INSTALL" "$INSTALL.bak-$cur"
    cp -p "$INSTALL.bak-$v" "$INSTALL.new" && mv -f "$INSTALL.new" "$INSTALL"
    echo "restored $v (current $cur kept as backup)"
    ;;
  *) echo "unknown command" >&2; exit 2 ;;
esac
