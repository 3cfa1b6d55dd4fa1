#!/usr/bin/env bash
# fetch-installer.sh URL OUTDIR - download an installer script WITHOUT executing it.
set -euo pipefail
url=${1:?url}; out=${2:-/tmp/preflight}
[[ $url == https://* ]] || { echo "refusing non-https URL" >&2; exit 1; }
mkdir -p "$out"
hdr="$out/headers.txt"
curl -fsSL --proto '=https' --tlsv1.2 -D "$hdr" -o "$out/installer.sh" \
     -w 'final_url=%{url_effective}\ncontent_type=%{content_type}\nsize=%{size_download}\n' "$url" \
  | tee "$out/meta.txt"
chmod 0644 "$out/installer.sh"          # not executable on purpose
if command -v sha256sum >/dev/null; then sum=$(sha256sum "$out/installer.sh" | cut -d' ' -f1)
else sum=$(shasum -a 256 "$out/installer.sh" | cut -d' ' -f1); fi
echo "sha256=$sum" | tee -a "$out/meta.txt"
echo "first line: $(head -1 "$out/installer.sh")"
echo "saved to $out/installer.sh (not executed)"
