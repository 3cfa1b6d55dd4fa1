#!/usr/bin/env bash
# make_deploy_key.sh OWNER/REPO [--write-config]
# Creates a dedicated ed25519 deploy key. Never touches other keys in ~/.ssh.
set -euo pipefail
repo="${1:?usage: make_deploy_key.sh OWNER/REPO [--write-config]}"
write_cfg="${2:-}"
[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "bad repo name: $repo" >&2; exit 1; }

owner="${repo%%/*}"; name="${repo##*/}"
slug="${owner}_${name}"
key="$HOME/.ssh/deploy_${slug}"
alias_host="github.com-${owner}-${name}"

mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh"
if [[ -e "$key" || -e "$key.pub" ]]; then
  echo "$key already exists; not overwriting" >&2
  exit 1
fi

ssh-keygen -q -t ed25519 -N "" -C "deploy:${repo}@$(hostname)" -f "$key"
chmod 600 "$key"; chmod 644 "$key.pub"

block=$(cat <<CFG

Host ${alias_host}
  HostName github.com
  User git
  IdentityFile ${key}
  IdentitiesOnly yes
CFG
)

if [[ "$write_cfg" == "--write-config" ]]; then
  cfg="$HOME/.ssh/config"
  touch "$cfg" && chmod 600 "$cfg"
  if grep -q "^Host ${alias_host}\$" "$cfg"; then
    echo "config already has Host ${alias_host}; left unchanged"
  else
    printf '%s\n' "$block" >> "$cfg"
    echo "appended Host ${alias_host} to $cfg"
  fi
else
  echo "add this to ~/.ssh/config (or rerun with --write-config):"
  printf '%s\n' "$block"
fi

echo
echo "public key (add as a read-only deploy key on ${repo}):"
cat "$key.pub"
echo
echo "clone with: git clone git@${alias_host}:${repo}.git"
