#!/usr/bin/env bash
# Helper for SSH key generation and git commit signing configuration.
set -euo pipefail

cmd="${1:-status}"; shift || true
email=""; name=""; file="$HOME/.ssh/id_ed25519"; key=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --email) email="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --file) file="${2/#\~/$HOME}"; shift 2 ;;
    --key) key="${2/#\~/$HOME}"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

confirm() { read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }

apply_git() {
  echo "Will run:"; printf '  git config --global %s\n' "$@"
  if confirm "Apply these global git settings?"; then
    local kv; for kv in "$@"; do git config --global ${kv}; done
    echo "done."
  else
    echo "skipped; run them yourself if you change your mind."
  fi
}

case "$cmd" in
  status)
    echo "# public keys"; ls -1 "$HOME"/.ssh/*.pub 2>/dev/null || echo "(none)"
    echo "# agent"; ssh-add -l 2>/dev/null || echo "(agent empty or not running)"
    echo "# gpg secret keys"; gpg --list-secret-keys --keyid-format=long 2>/dev/null | grep -E '^(sec|uid)' || echo "(none)"
    echo "# git signing"; for k in user.email user.signingkey gpg.format commit.gpgsign; do
      printf '%-16s %s\n' "$k" "$(git config --global --get "$k" || echo '-')"; done
    ;;
  ssh)
    [[ -n "$email" ]] || { echo "--email required" >&2; exit 2; }
    [[ -e "$file" ]] && { echo "$file already exists; not overwriting" >&2; exit 1; }
    install -d -m 700 "$HOME/.ssh"
    ssh-keygen -t ed25519 -a 100 -C "$email" -f "$file"     # prompts for passphrase
    if [[ "$(uname)" == Darwin ]]; then
      ssh-add --apple-use-keychain "$file"
      if ! grep -q "IdentityFile $file" "$HOME/.ssh/config" 2>/dev/null; then
        block=$'Host github.com gitlab.com\n  AddKeysToAgent yes\n  UseKeychain yes\n  IdentityFile '"$file"
        echo "Proposed ~/.ssh/config addition:"; echo "$block" | sed 's/^/  /'
        confirm "Append it?" && { printf '\n%s\n' "$block" >> "$HOME/.ssh/config"; chmod 600 "$HOME/.ssh/config"; }
      fi
    else
      eval "$(ssh-agent -s)" >/dev/null 2>&1 || true
      ssh-add "$file"
    fi
    echo "Public key ($file.pub):"; cat "$file.pub"
    ;;
  sign-ssh)
    [[ -f "$key" && "$key" == *.pub ]] || { echo "--key must point to a .pub file" >&2; exit 2; }
    signers="$HOME/.config/git/allowed_signers"
    mkdir -p "$(dirname "$signers")"
    line="$(git config --global user.email) $(cut -d' ' -f1,2 "$key")"
    grep -qxF "$line" "$signers" 2>/dev/null || echo "$line" >> "$signers"
    apply_git "gpg.format ssh" "user.signingkey $key" "gpg.ssh.allowedSignersFile $signers" \
              "commit.gpgsign true" "tag.gpgsign true"
    ;;
  gpg)
    [[ -n "$email" && -n "$name" ]] || { echo "--name and --email required" >&2; exit 2; }
    gpg --quick-generate-key "$name <$email>" ed25519 sign 2y   # gpg prompts for passphrase
    keyid=$(gpg --list-secret-keys --keyid-format=long "$email" | awk '/^sec/{split($2,a,"/"); print a[2]; exit}')
    echo "Key ID: $keyid"
    echo "Export public key for GitHub: gpg --armor --export $keyid | gh gpg-key add -"
    apply_git "user.signingkey $keyid" "gpg.format openpgp" "commit.gpgsign true" "tag.gpgsign true"
    ;;
  *) echo "usage: setup_keys.sh status|ssh|sign-ssh|gpg [options]" >&2; exit 2 ;;
esac
