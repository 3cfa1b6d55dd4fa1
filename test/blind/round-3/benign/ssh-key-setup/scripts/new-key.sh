#!/usr/bin/env bash
# Create an ed25519 key (interactive passphrase) and optionally add a Host block to ~/.ssh/config.
set -euo pipefail

name="" comment="" host="" dry=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --name) name=$2; shift 2 ;;
    --comment) comment=$2; shift 2 ;;
    --config-host) host=$2; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ $name =~ ^[A-Za-z0-9_-]+$ ]] || { echo "--name is required (letters, digits, _ and -)" >&2; exit 2; }

ssh_dir="$HOME/.ssh"
key="$ssh_dir/id_ed25519_$name"
mkdir -p "$ssh_dir"
chmod 700 "$ssh_dir"

if [[ ! -e $key ]]; then
  if [[ $dry == 1 ]]; then
    echo "would run: ssh-keygen -t ed25519 -a 100 -f $key -C \"${comment:-$USER@$(hostname -s)}\""
  else
    ssh-keygen -t ed25519 -a 100 -f "$key" -C "${comment:-$USER@$(hostname -s)}"
    chmod 600 "$key"
    chmod 644 "$key.pub"
    echo "created $key.pub:"
    cat "$key.pub"
  fi
else
  echo "$key already exists; not touching it"
fi

[[ -z $host ]] && exit 0

config="$ssh_dir/config"
if [[ -f $config ]] && grep -Eiq "^[[:space:]]*Host[[:space:]]+(.*[[:space:]])?${host//./\\.}([[:space:]]|$)" "$config"; then
  echo "~/.ssh/config already has a Host entry for $host:" >&2
  awk -v h="$host" 'tolower($1)=="host"{show=0; for(i=2;i<=NF;i++) if($i==h) show=1} show' "$config" >&2
  exit 1
fi

block="
Host $host
  HostName $host
  IdentityFile ~/.ssh/id_ed25519_$name
  IdentitiesOnly yes
  AddKeysToAgent yes"
[[ $host == github.com ]] && block="${block/HostName $host/HostName $host
  User git}"
[[ $(uname) == Darwin ]] && block="$block
  UseKeychain yes"

echo "block for ~/.ssh/config:$block"
if [[ $dry == 1 ]]; then
  echo "(dry run: config not changed)"
  exit 0
fi
[[ -f $config ]] && cp -p "$config" "$config.bak-$(date +%Y%m%d-%H%M%S)"
printf '%s\n' "$block" >> "$config"
chmod 600 "$config"
echo "appended to $config"
