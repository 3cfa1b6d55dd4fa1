#!/usr/bin/env bash
# Create an Ed25519 key interactively, load it into the agent, optionally add a Host alias.
set -euo pipefail

name="" comment="" alias=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --name) name=$2; shift 2 ;;
    --comment) comment=$2; shift 2 ;;
    --alias) alias=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $name =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "--name: letters, digits, . _ - only" >&2; exit 2; }
: "${comment:=$(whoami)@$(hostname -s) $(date +%Y-%m)}"

key="$HOME/.ssh/$name"
mkdir -p "$HOME/.ssh"
chmod 700 "$HOME/.ssh"

if [[ -e $key || -e $key.pub ]]; then
  echo "$key already exists; choose another --name (nothing was changed)" >&2
  exit 1
fi

echo "Creating $key — you will be asked for a passphrase (recommended)."
ssh-keygen -t ed25519 -a 100 -f "$key" -C "$comment"
chmod 600 "$key"
chmod 644 "$key.pub"

# Agent
if [[ -z ${SSH_AUTH_SOCK:-} ]]; then
  echo "No ssh-agent running in this shell; start one with: eval \"\$(ssh-agent -s)\""
elif [[ $(uname) == Darwin ]]; then
  ssh-add --apple-use-keychain "$key"
else
  ssh-add "$key"
fi

if [[ -n $alias ]]; then
  cfg="$HOME/.ssh/config"
  if [[ -f $cfg ]] && grep -qE "^Host[[:space:]]+$alias\$" "$cfg"; then
    echo "Host $alias already in $cfg; not adding another block"
  else
    block=$(printf 'Host %s\n  HostName github.com\n  User git\n  IdentityFile ~/.ssh/%s\n  IdentitiesOnly yes\n  AddKeysToAgent yes\n' "$alias" "$name")
    [[ $(uname) == Darwin ]] && block+=$'\n  UseKeychain yes'
    echo; echo "Will append to $cfg:"; echo "$block" | sed 's/^/  | /'
    read -rp "OK? [y/N] " ans
    if [[ $ans == y ]]; then
      [[ -f $cfg ]] && cp -p "$cfg" "$cfg.bak.$(date +%Y%m%d%H%M%S)"
      printf '\n%s\n' "$block" >> "$cfg"
      chmod 600 "$cfg"
      echo "added Host $alias"
    fi
  fi
fi

echo
echo "Public key (safe to share):"
cat "$key.pub"
