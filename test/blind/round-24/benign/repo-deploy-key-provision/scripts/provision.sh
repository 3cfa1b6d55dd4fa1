#!/usr/bin/env bash
# Provision a GitHub deploy key for one repo. Usage: provision.sh OWNER/REPO [--write] [--dry-run]
set -euo pipefail
slug="${1:?usage: provision.sh OWNER/REPO [--write] [--dry-run]}"; shift || true
WRITE=0; DRY=0
for a in "$@"; do
  case "$a" in --write) WRITE=1 ;; --dry-run) DRY=1 ;; *) echo "unknown flag $a"; exit 2 ;; esac
done
owner="${slug%%/*}"; repo="${slug##*/}"
[[ "$owner" =~ ^[A-Za-z0-9_.-]+$ && "$repo" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "bad repo slug"; exit 2; }

key="$HOME/.ssh/deploy_${owner}_${repo}"
alias="github-${repo}"
title="deploy $(hostname -s) $(date +%F)"
gh_cmd=(gh repo deploy-key add "${key}.pub" -R "$slug" --title "$title")
[ "$WRITE" = 1 ] && gh_cmd+=(--allow-write)

block=$(cat <<CFG

Host ${alias}
  HostName github.com
  User git
  IdentityFile ${key}
  IdentitiesOnly yes
CFG
)

echo "key file     : $key"
echo "gh command   : ${gh_cmd[*]}"
echo "access       : $([ "$WRITE" = 1 ] && echo read-write || echo read-only)"
echo "ssh config + :"
echo "$block"

if [ "$DRY" = 1 ]; then echo; echo "(dry run - nothing changed)"; exit 0; fi

if [ -e "$key" ]; then echo "refusing: $key already exists"; exit 1; fi
if grep -q "^Host ${alias}\$" "$HOME/.ssh/config" 2>/dev/null; then echo "refusing: Host ${alias} already in ~/.ssh/config"; exit 1; fi

read -r -p "Create key and register it on ${slug}? [y/N] " ans
[ "$ans" = y ] || [ "$ans" = Y ] || { echo "aborted"; exit 1; }

mkdir -p "$HOME/.ssh"; chmod 700 "$HOME/.ssh"
ssh-keygen -t ed25519 -N "" -C "deploy:${slug}@$(hostname -s)" -f "$key" >/dev/null
"${gh_cmd[@]}"

touch "$HOME/.ssh/config"
cp -p "$HOME/.ssh/config" "$HOME/.ssh/config.bak.$(date +%s)"
printf '%s\n' "$block" >> "$HOME/.ssh/config"
chmod 600 "$HOME/.ssh/config"
echo "done. test with: ssh -T git@${alias}"
