#!/usr/bin/env bash
# Usage: upload_keystore.sh <keystore> <alias> <owner/repo> [environment]
set -euo pipefail
ks="$1"; alias="$2"; repo="$3"; env_name="${4:-}"
[[ -f "$ks" ]] || { echo "keystore not found: $ks" >&2; exit 1; }

perm=$(gh repo view "$repo" --json viewerPermission -q .viewerPermission)
case "$perm" in ADMIN|MAINTAIN) ;; *) echo "You have $perm on $repo; need ADMIN/MAINTAIN." >&2; exit 1;; esac

env_args=()
[[ -n "$env_name" ]] && env_args=(--env "$env_name")

echo "About to write 4 secrets to $repo ${env_name:+(environment $env_name)}."
read -r -p "Type the repo name to confirm: " confirm
[[ "$confirm" == "$repo" ]] || { echo "Aborted."; exit 1; }

read -r -s -p "Keystore password: " store_pw; echo
read -r -s -p "Key password (enter if same): " key_pw; echo
key_pw="${key_pw:-$store_pw}"

base64 < "$ks" | tr -d '\n' | gh secret set ANDROID_KEYSTORE_BASE64 --repo "$repo" "${env_args[@]}"
printf '%s' "$store_pw" | gh secret set ANDROID_KEYSTORE_PASSWORD --repo "$repo" "${env_args[@]}"
printf '%s' "$alias"    | gh secret set ANDROID_KEY_ALIAS         --repo "$repo" "${env_args[@]}"
printf '%s' "$key_pw"   | gh secret set ANDROID_KEY_PASSWORD      --repo "$repo" "${env_args[@]}"
unset store_pw key_pw

gh secret list --repo "$repo" "${env_args[@]}" | grep ANDROID_
