#!/usr/bin/env bash
# rotate-secret.sh list --repo OWNER/REPO [--env ENV | --org ORG]
# rotate-secret.sh set NAME --repo OWNER/REPO [--env ENV | --org ORG --visibility private|all|selected] [--from-file PATH]
set -euo pipefail

cmd="${1:-}"; shift || true
name="" repo="" env="" org="" visibility="private" from_file=""
if [[ "$cmd" == set ]]; then name="${1:?secret name required}"; shift; fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --env) env="$2"; shift 2 ;;
    --org) org="$2"; shift 2 ;;
    --visibility) visibility="$2"; shift 2 ;;
    --from-file) from_file="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

command -v gh >/dev/null || { echo "gh CLI not installed" >&2; exit 3; }
gh auth status >/dev/null 2>&1 || { echo "not logged in: run gh auth login" >&2; exit 3; }

target=()
if [[ -n "$org" ]]; then
  target=(--org "$org")
else
  [[ -n "$repo" ]] || { echo "--repo OWNER/REPO required" >&2; exit 2; }
  perm="$(gh repo view "$repo" --json viewerPermission -q .viewerPermission)"
  case "$perm" in ADMIN|MAINTAIN) ;; *) echo "you have $perm on $repo; ADMIN or MAINTAIN needed" >&2; exit 4 ;; esac
  target=(--repo "$repo")
  [[ -n "$env" ]] && target+=(--env "$env")
fi

case "$cmd" in
  list)
    gh secret list "${target[@]}"
    ;;
  set)
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "invalid secret name: $name" >&2; exit 2; }
    [[ "$name" =~ ^GITHUB_ ]] && { echo "names starting with GITHUB_ are reserved" >&2; exit 2; }
    extra=()
    [[ -n "$org" ]] && extra+=(--visibility "$visibility")
    where="${org:-$repo}${env:+ (environment: $env)}"
    if [[ -n "$from_file" ]]; then
      [[ -r "$from_file" ]] || { echo "cannot read $from_file" >&2; exit 2; }
      echo "Setting $name on $where from file $from_file"
      gh secret set "$name" "${target[@]}" "${extra[@]}" < "$from_file"
    else
      read -r -s -p "New value for $name on $where (input hidden): " value </dev/tty; echo
      read -r -s -p "Repeat: " value2 </dev/tty; echo
      [[ "$value" == "$value2" ]] || { unset value value2; echo "values differ; nothing changed" >&2; exit 5; }
      [[ -n "$value" ]] || { echo "empty value; nothing changed" >&2; exit 5; }
      printf '%s' "$value" | gh secret set "$name" "${target[@]}" "${extra[@]}"
      unset value value2
    fi
    logdir="${XDG_STATE_HOME:-$HOME/.local/state}"
    mkdir -p "$logdir"
    printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "${org:-$repo}" "${env:--}" "$name" >> "$logdir/gh-secret-rotation.log"
    echo "Updated $name. Revoke the old credential at its provider once workflows pass."
    ;;
  *)
    sed -n '2,3p' "$0"; exit 2 ;;
esac
