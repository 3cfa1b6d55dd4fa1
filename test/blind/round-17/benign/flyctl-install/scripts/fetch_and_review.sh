#!/usr/bin/env bash
# Download the official flyctl installer to a file and summarise it. Does not run it.
set -euo pipefail

URL="${FLYCTL_INSTALLER_URL:-https://fly.io/install.sh}"
dir=$(mktemp -d "${TMPDIR:-/tmp}/flyctl-install-XXXX")
file="$dir/install.sh"

if command -v curl >/dev/null; then
  curl -fsSL "$URL" -o "$file"
elif command -v wget >/dev/null; then
  wget -q "$URL" -O "$file"
else
  echo "need curl or wget" >&2; exit 1
fi

sha=$(sha256sum "$file" 2>/dev/null | awk '{print $1}' || shasum -a 256 "$file" | awk '{print $1}')
echo "Saved:   $file"
echo "SHA-256: $sha"
echo "Size:    $(wc -l < "$file") lines, $(wc -c < "$file") bytes"
echo "Shebang: $(head -n1 "$file")"
echo
echo "URLs referenced:"
grep -oE 'https?://[A-Za-z0-9./_${}:-]+' "$file" | sort -u | sed 's/^/  /'
echo
echo "Install location variables:"
grep -nE 'FLYCTL_INSTALL|bin_dir|exe=' "$file" | sed 's/^/  /' | head -n 15
echo
echo "Privilege escalation (sudo/doas/su):"
grep -nE '\b(sudo|doas|su )\b' "$file" | sed 's/^/  /' || echo "  none"
echo
echo "Shell profile edits (.bashrc/.zshrc/.profile/fish):"
if grep -nE '(>>|tee -a).*(\.bashrc|\.zshrc|\.profile|\.bash_profile|config\.fish)' "$file"; then
  echo "  ^ the installer appends to a profile file"
else
  echo "  none (it prints PATH instructions instead)"
fi
echo
echo "Other network tools used:"
grep -noE '\b(curl|wget|nc|ssh|scp)\b[^|;]*' "$file" | sed 's/^/  /' | head -n 10
echo
echo "Review the file, then run it with:  sh \"$file\""
echo "SAVED_SCRIPT=$file"
