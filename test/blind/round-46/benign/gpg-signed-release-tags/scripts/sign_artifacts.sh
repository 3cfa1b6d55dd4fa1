#!/usr/bin/env bash
# Create detached ASCII-armored signatures and a signed SHA256SUMS for files in DIR.
# Uses GPG_PASSPHRASE from the environment when set (CI); otherwise gpg-agent prompts.
# Usage: sign_artifacts.sh DIR [KEYID]
set -euo pipefail

dir="${1:?usage: sign_artifacts.sh DIR [KEYID]}"
key="${2:-}"
gpg_args=(--batch --yes --armor --detach-sign)
[ -n "$key" ] && gpg_args+=(--local-user "$key")
if [ -n "${GPG_PASSPHRASE:-}" ]; then
  gpg_args+=(--pinentry-mode loopback --passphrase-fd 0)
fi

sign() {
  if [ -n "${GPG_PASSPHRASE:-}" ]; then
    printf '%s' "$GPG_PASSPHRASE" | gpg "${gpg_args[@]}" --output "$1.asc" "$1"
  else
    gpg "${gpg_args[@]}" --output "$1.asc" "$1"
  fi
}

cd "$dir"
shopt -s nullglob
files=()
for f in *; do
  case "$f" in *.asc|SHA256SUMS) continue ;; esac
  [ -f "$f" ] && files+=("$f")
done
[ ${#files[@]} -gt 0 ] || { echo "no files to sign in $dir" >&2; exit 1; }

sha256sum "${files[@]}" > SHA256SUMS
for f in "${files[@]}" SHA256SUMS; do
  sign "$f"
  gpg --batch --verify "$f.asc" "$f" 2>/dev/null
  echo "signed $f"
done
