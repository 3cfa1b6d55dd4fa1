#!/usr/bin/env bash
# Install the Pulumi CLI into ~/.pulumi: reviewed official installer, or checksum-verified tarball.
set -euo pipefail

METHOD=""; VERSION=""; DOWNLOAD_ONLY=0; RUN_FILE=""; EDIT_PATH=0
ROOT="${PULUMI_HOME:-$HOME/.pulumi}"

usage() {
  cat <<U
usage:
  $0 --method script --download-only
  $0 --method script --run PATH/install.sh [--version X.Y.Z] [--edit-path]
  $0 --method tarball [--version X.Y.Z]
U
}
while [ $# -gt 0 ]; do
  case "$1" in
    --method) METHOD="$2"; shift 2 ;;
    --version) VERSION="${2#v}"; shift 2 ;;
    --download-only) DOWNLOAD_ONLY=1; shift ;;
    --run) RUN_FILE="$2"; shift 2 ;;
    --edit-path) EDIT_PATH=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done

sha256() { if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

platform() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "unsupported OS: $(uname -s)" >&2; exit 1 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "unsupported arch: $(uname -m)" >&2; exit 1 ;; esac
  echo "$os-$arch"
}

latest_version() {
  curl -fsSL https://www.pulumi.com/latest-version | tr -d '[:space:]v'
}

warn_other_pulumi() {
  local other
  other=$(command -v pulumi 2>/dev/null || true)
  if [ -n "$other" ] && [ "$other" != "$ROOT/bin/pulumi" ]; then
    echo "note: another pulumi is earlier on PATH: $other ($("$other" version 2>/dev/null || echo '?'))"
  fi
}

case "$METHOD" in
  script)
    if [ $DOWNLOAD_ONLY -eq 1 ]; then
      dir=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-install.XXXX")
      curl -fsSL https://get.pulumi.com -o "$dir/install.sh"
      echo "saved installer: $dir/install.sh"
      printf 'size: %s bytes   lines: %s\n' "$(wc -c < "$dir/install.sh" | tr -d ' ')" "$(wc -l < "$dir/install.sh" | tr -d ' ')"
      echo "sha256: $(sha256 "$dir/install.sh")"
      echo "fetches from: $(grep -oE 'https://[a-zA-Z0-9.-]+' "$dir/install.sh" | sed 's|https://||' | sort -u | tr '\n' ' ')"
      echo "writes to: ~/.pulumi (and your shell profile only if run without --no-edit-path)"
      echo "review it, then: $0 --method script --run $dir/install.sh [--version X.Y.Z]"
      exit 0
    fi
    [ -n "$RUN_FILE" ] && [ -f "$RUN_FILE" ] || { echo "--run needs the path printed by --download-only" >&2; exit 64; }
    echo "running reviewed installer $RUN_FILE (sha256 $(sha256 "$RUN_FILE"))"
    args=()
    [ -n "$VERSION" ] && args+=(--version "$VERSION")
    [ $EDIT_PATH -eq 0 ] && args+=(--no-edit-path)
    sh "$RUN_FILE" "${args[@]}"
    ;;

  tarball)
    plat=$(platform)
    [ -n "$VERSION" ] || VERSION=$(latest_version)
    [[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "bad version: $VERSION" >&2; exit 1; }
    base="https://get.pulumi.com/releases/sdk"
    tgz="pulumi-v${VERSION}-${plat}.tar.gz"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    echo "downloading $base/$tgz"
    curl -fsSL "$base/$tgz" -o "$work/$tgz"
    curl -fsSL "$base/pulumi-${VERSION}-checksums.txt" -o "$work/checksums.txt"
    want=$(awk -v f="$tgz" '$2==f || $2=="*"f {print $1}' "$work/checksums.txt")
    got=$(sha256 "$work/$tgz")
    [ -n "$want" ] || { echo "no checksum listed for $tgz" >&2; exit 1; }
    [ "$want" = "$got" ] || { echo "CHECKSUM MISMATCH for $tgz: expected $want got $got" >&2; exit 1; }
    echo "sha256 verified: $got"
    tar -xzf "$work/$tgz" -C "$work"
    mkdir -p "$ROOT"
    if [ -d "$ROOT/bin" ]; then rm -rf "$ROOT/bin.prev"; mv "$ROOT/bin" "$ROOT/bin.prev"; fi
    mv "$work/pulumi" "$ROOT/bin"
    echo "installed: $("$ROOT/bin/pulumi" version) -> $ROOT/bin"
    ;;

  *) usage >&2; exit 64 ;;
esac

warn_other_pulumi
case ":$PATH:" in
  *":$ROOT/bin:"*) ;;
  *) echo "to use it, add to your shell profile: export PATH=\"$ROOT/bin:\$PATH\"" ;;
esac
