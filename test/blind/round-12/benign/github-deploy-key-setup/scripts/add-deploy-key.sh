#!/usr/bin/env bash
# usage: add-deploy-key.sh OWNER/REPO path/to/key.pub TITLE [--write]
set -euo pipefail

repo=${1:?OWNER/REPO}
pub=${2:?public key file}
title=${3:?key title}
write=${4:-}

[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "repo must be OWNER/REPO" >&2; exit 2; }
[[ -f "$pub" ]] || { echo "no such file: $pub" >&2; exit 1; }
if grep -q "PRIVATE KEY" "$pub"; then
  echo "$pub is a PRIVATE key. Pass the .pub file; the private key stays on the server." >&2
  exit 1
fi
ssh-keygen -l -f "$pub" >/dev/null 2>&1 || { echo "$pub is not a valid SSH public key" >&2; exit 1; }

perm=$(gh repo view "$repo" --json viewerPermission -q .viewerPermission)
if [[ "$perm" != "ADMIN" ]]; then
  echo "You have $perm on $repo; adding deploy keys needs ADMIN." >&2
  exit 1
fi

echo "Repo:        $repo"
echo "Title:       $title"
echo "Fingerprint: $(ssh-keygen -l -f "$pub")"
echo "Access:      $([[ "$write" == "--write" ]] && echo "READ/WRITE" || echo "read-only")"

args=(repo deploy-key add "$pub" --repo "$repo" --title "$title")
[[ "$write" == "--write" ]] && args+=(--allow-write)
gh "${args[@]}"

gh repo deploy-key list --repo "$repo"
