#!/usr/bin/env bash
# Upload user-chosen files to the user's B2 bucket. Preview with --dry-run first.
set -euo pipefail

bucket=""; prefix=""; dry=0; encrypt=""; share=""; sources=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bucket) bucket="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --encrypt) encrypt="$2"; shift 2 ;;
    --share) share="$2"; shift 2 ;;
    -h|--help) sed -n 2p "$0"; exit 0 ;;
    *) sources+=("$1"); shift ;;
  esac
done
[[ -n "$bucket" && ${#sources[@]} -gt 0 ]] || { echo "usage: b2_upload.sh --bucket NAME [--prefix P/] [--dry-run] [--encrypt age1...] [--share 24h] PATH..." >&2; exit 2; }
command -v b2 >/dev/null || { echo "b2 CLI not found (pipx install b2)" >&2; exit 1; }
[[ -n "${B2_APPLICATION_KEY_ID:-}" && -n "${B2_APPLICATION_KEY:-}" ]] || { echo "export B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY" >&2; exit 1; }
[[ -z "$encrypt" ]] || command -v age >/dev/null || { echo "age not installed" >&2; exit 1; }

sensitive_re='(^|/)(\.env(\..*)?|id_(rsa|ed25519|ecdsa)|.*\.pem|.*\.kdbx|.*\.p12|wp-config\.php|credentials)$'

# Build list of (local path, remote name)
files=(); names=()
for src in "${sources[@]}"; do
  if [[ -d "$src" ]]; then
    base=$(basename "$src")
    while IFS= read -r -d '' f; do
      files+=("$f"); names+=("${prefix}${base}/${f#"$src"/}")
    done < <(find "$src" -type f -print0 | sort -z)
    while IFS= read -r -d '' l; do echo "skipped symlink: $l"; done < <(find "$src" -type l -print0)
  elif [[ -f "$src" ]]; then
    files+=("$src"); names+=("${prefix}$(basename "$src")")
  else
    echo "not found: $src" >&2; exit 1
  fi
done

total=0
echo "Bucket: $bucket   ($(b2 bucket get "$bucket" 2>/dev/null | grep -o '"bucketType": *"[^"]*"' || echo 'type unknown'))"
printf '%-60s %12s  %s\n' "LOCAL" "BYTES" "DESTINATION"
sens=()
for i in "${!files[@]}"; do
  size=$(stat -c %s "${files[$i]}" 2>/dev/null || stat -f %z "${files[$i]}")
  total=$((total + size))
  dest="b2://$bucket/${names[$i]}${encrypt:+.age}"
  printf '%-60s %12s  %s\n' "${files[$i]}" "$size" "$dest"
  [[ "${files[$i]}" =~ $sensitive_re ]] && sens+=("${files[$i]}")
done
echo "Total: ${#files[@]} file(s), $total bytes"
if [[ ${#sens[@]} -gt 0 ]]; then
  echo "Sensitive-looking files (consider removing or using --encrypt):"
  printf '  %s\n' "${sens[@]}"
fi
[[ $dry -eq 1 ]] && { echo "Dry run: nothing uploaded."; exit 0; }

read -r -p "Upload ${#files[@]} file(s) to $bucket? [y/N] " ok
[[ "$ok" == "y" || "$ok" == "Y" ]] || { echo "Cancelled."; exit 1; }

tmpdir=$(mktemp -d); trap 'rm -rf "$tmpdir"' EXIT
for i in "${!files[@]}"; do
  local_path="${files[$i]}"; remote="${names[$i]}"
  if [[ -n "$encrypt" ]]; then
    age -r "$encrypt" -o "$tmpdir/blob.age" "$local_path"
    local_path="$tmpdir/blob.age"; remote="$remote.age"
  fi
  sha1=$(sha1sum "$local_path" | awk '{print $1}')
  info=$(b2 file upload --sha1 "$sha1" --no-progress "$bucket" "$local_path" "$remote")
  remote_sha=$(printf '%s' "$info" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("contentSha1") if d.get("contentSha1") not in (None,"none") else d.get("fileInfo",{}).get("large_file_sha1",""))')
  if [[ "$remote_sha" == "$sha1" ]]; then
    echo "ok   b2://$bucket/$remote"
  else
    echo "FAIL checksum mismatch for b2://$bucket/$remote (local $sha1, remote $remote_sha)" >&2
  fi
  if [[ -n "$share" ]]; then
    secs=$(python3 -c "import re,sys;m=re.fullmatch(r'(\d+)([hdm])','$share');print(int(m[1])*{'m':60,'h':3600,'d':86400}[m[2]])")
    echo "     share: $(b2 file url --with-auth --duration "$secs" "b2://$bucket/$remote")"
  fi
  [[ -n "$encrypt" ]] && rm -f "$tmpdir/blob.age"
done
