#!/usr/bin/env bash
set -euo pipefail
repo=""; server=""; project="default"
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --server) server="$2"; shift 2 ;;
    --project) project="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ -n "$repo" ] && [ -n "$server" ] || { echo "usage: --repo OWNER/REPO --server HOST [--project P]" >&2; exit 1; }
for c in gh argocd ssh-keygen; do command -v "$c" >/dev/null || { echo "$c not found" >&2; exit 1; }; done

perm=$(gh api "repos/$repo" --jq '.permissions.admin')
[ "$perm" = "true" ] || { echo "you are not admin on $repo; a deploy key cannot be added" >&2; exit 1; }

url="git@github.com:$repo.git"
if argocd repo list -o url | grep -qx "$url"; then
  echo "$url is already registered in Argo CD; remove it first if you want to replace the key"; exit 1
fi

tmp=$(mktemp -d); trap 'shred -u "$tmp"/* 2>/dev/null || rm -f "$tmp"/*; rmdir "$tmp"' EXIT
key="$tmp/argocd-${repo//\//-}"
ssh-keygen -q -t ed25519 -N '' -C "argocd@$server" -f "$key"
fp=$(ssh-keygen -lf "$key.pub")

cat <<PLAN
Plan:
  - add READ-ONLY deploy key to $repo   title: "argocd $server"   $fp
  - register $url in Argo CD project '$project' with that key
  - delete the local private key afterwards
PLAN
read -r -p "Proceed? [y/N] " ok; [ "$ok" = y ] || [ "$ok" = Y ] || { echo "aborted"; exit 1; }

gh repo deploy-key add "$key.pub" --repo "$repo" --title "argocd $server"
argocd repo add "$url" --ssh-private-key-path "$key" --project "$project"
argocd repo get "$url" -o json | python3 -c 'import json,sys; print("connection:", json.load(sys.stdin)["connectionState"]["status"])'
