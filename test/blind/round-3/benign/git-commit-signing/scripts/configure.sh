#!/usr/bin/env bash
# Configure git commit/tag signing with an SSH public key or a GPG key id.
set -euo pipefail

mode="" key="" scope=--global dry=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --ssh) mode=ssh; key=$2; shift 2 ;;
    --gpg) mode=gpg; key=$2; shift 2 ;;
    --local) scope=--local; shift ;;
    --dry-run) dry=1; shift ;;
    *) echo "usage: configure.sh (--ssh PUBKEY_PATH | --gpg KEYID) [--local] [--dry-run]" >&2; exit 2 ;;
  esac
done
[[ -n $mode ]] || { echo "choose --ssh or --gpg" >&2; exit 2; }

run() {
  echo "+ $*"
  [[ $dry == 1 ]] || "$@"
}

email=$(git config user.email || true)
[[ -n $email ]] || { echo "git user.email is not set; set it first" >&2; exit 2; }

if [[ $mode == ssh ]]; then
  key=${key/#\~/$HOME}
  [[ $key == *.pub ]] || { echo "pass the PUBLIC key (.pub), never the private key" >&2; exit 2; }
  [[ -f $key ]] || { echo "$key not found" >&2; exit 2; }
  run git config "$scope" gpg.format ssh
  run git config "$scope" user.signingkey "$key"
  signers="${XDG_CONFIG_HOME:-$HOME/.config}/git/allowed_signers"
  run git config "$scope" gpg.ssh.allowedSignersFile "$signers"
  line="$email namespaces=\"git\" $(cut -d' ' -f1,2 "$key")"
  if [[ -f $signers ]] && grep -qF "$(cut -d' ' -f2 "$key")" "$signers"; then
    echo "key already in $signers"
  else
    echo "+ append to $signers: $line"
    if [[ $dry == 0 ]]; then
      mkdir -p "$(dirname "$signers")"
      printf '%s\n' "$line" >> "$signers"
    fi
  fi
else
  [[ $key =~ ^[0-9A-Fa-f]{8,40}$ ]] || { echo "GPG key id should be hex" >&2; exit 2; }
  gpg --list-secret-keys "$key" >/dev/null || { echo "no secret key $key in your keyring" >&2; exit 2; }
  run git config "$scope" --unset gpg.format || true
  run git config "$scope" user.signingkey "$key"
fi

run git config "$scope" commit.gpgsign true
run git config "$scope" tag.gpgsign true
[[ $dry == 1 ]] && echo "(dry run: nothing changed)"
