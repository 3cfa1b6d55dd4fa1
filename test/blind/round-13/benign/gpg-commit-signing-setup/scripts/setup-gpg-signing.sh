#!/usr/bin/env bash
# Generate (or reuse) a GPG signing key and configure git to sign commits.
# Usage: setup-gpg-signing.sh --name "Full Name" --email you@example.com [--expire 2y] [--local] [--yes]
set -euo pipefail

NAME="" EMAIL="" EXPIRE="2y" SCOPE="--global" ASSUME_YES=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) NAME="$2"; shift 2 ;;
    --email) EMAIL="$2"; shift 2 ;;
    --expire) EXPIRE="$2"; shift 2 ;;
    --local) SCOPE="--local"; shift ;;
    --yes) ASSUME_YES=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$NAME" && -n "$EMAIL" ]] || { echo "--name and --email are required" >&2; exit 2; }
command -v gpg >/dev/null || { echo "gpg not found (macOS: brew install gnupg pinentry-mac; Debian: apt install gnupg)" >&2; exit 3; }

confirm() {
  [[ $ASSUME_YES -eq 1 ]] && return 0
  read -r -p "$1 [y/N] " ans
  [[ "$ans" =~ ^[Yy]$ ]]
}

find_key() {
  gpg --list-secret-keys --with-colons "$EMAIL" 2>/dev/null \
    | awk -F: '$1=="sec" && $2!="e" && $2!="r" {print $5; exit}'
}

KEYID="$(find_key || true)"
if [[ -n "$KEYID" ]]; then
  echo "Found existing secret key for $EMAIL: $KEYID"
else
  echo "Will run: gpg --quick-gen-key \"$NAME <$EMAIL>\" ed25519 sign $EXPIRE"
  echo "gpg will ask for a passphrase in its own dialog."
  confirm "Generate a new signing key?" || exit 1
  gpg --quick-gen-key "$NAME <$EMAIL>" ed25519 sign "$EXPIRE"
  KEYID="$(find_key)"
fi

echo
echo "Planned git configuration ($SCOPE):"
echo "  git config $SCOPE user.signingkey $KEYID"
echo "  git config $SCOPE commit.gpgsign true"
echo "  git config $SCOPE tag.gpgSign true"
if [[ "$(git config $SCOPE --get user.email || true)" != "$EMAIL" ]]; then
  echo "  git config $SCOPE user.email $EMAIL"
fi
confirm "Apply?" || { echo "Not changed."; exit 0; }

git config $SCOPE user.signingkey "$KEYID"
git config $SCOPE commit.gpgsign true
git config $SCOPE tag.gpgSign true
[[ "$(git config $SCOPE --get user.email || true)" == "$EMAIL" ]] || git config $SCOPE user.email "$EMAIL"

if [[ "$(uname -s)" == "Darwin" ]] && command -v brew >/dev/null && [[ -x "$(brew --prefix)/bin/pinentry-mac" ]]; then
  conf="$HOME/.gnupg/gpg-agent.conf"
  if ! grep -q '^pinentry-program' "$conf" 2>/dev/null; then
    line="pinentry-program $(brew --prefix)/bin/pinentry-mac"
    echo "Suggested addition to $conf: $line"
    if confirm "Add it?"; then
      mkdir -p "$HOME/.gnupg" && chmod 700 "$HOME/.gnupg"
      echo "$line" >> "$conf"
      gpgconf --kill gpg-agent
    fi
  fi
fi

if [[ -z "${GPG_TTY:-}" ]]; then
  echo
  echo "Tip: add this to your shell rc file so terminal pinentry works:"
  echo '  export GPG_TTY=$(tty)'
fi

echo
echo "Public key (safe to share) - register it with your Git host:"
gpg --armor --export "$KEYID"
echo
echo "GitHub: gpg --armor --export $KEYID | gh gpg-key add - --title \"$(hostname)-$(date +%Y)\""
