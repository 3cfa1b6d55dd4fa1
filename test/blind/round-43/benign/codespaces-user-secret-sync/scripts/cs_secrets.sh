#!/usr/bin/env bash
# plan | apply | list | remove — Codespaces user secrets from local sources via gh.
set -euo pipefail
set +x
mode=${1:-}; shift || true
repos=""; specs=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --repos) repos=$2; shift 2;;
    --secret) specs+=("$2"); shift 2;;
    *) echo "unknown option $1" >&2; exit 64;;
  esac
done
command -v gh >/dev/null || { echo "gh not installed" >&2; exit 1; }

resolve() {  # source spec -> value on stdout
  local src=$1
  case $src in
    env:*)  local v=${src#env:}; [[ -n ${!v:-} ]] || return 1; printf %s "${!v}";;
    pass:*) pass show "${src#pass:}" | head -1;;
    op:*)   op read "${src#op:}";;
    *) return 2;;
  esac
}
mask() { local v=$1; [[ ${#v} -gt 10 ]] && printf '%s…%s' "${v:0:4}" "${v: -2}" || printf '****'; }

case $mode in
  list)
    gh api /user/codespaces/secrets --jq '.secrets[] | "\(.name)\t\(.visibility)\tupdated \(.updated_at)"'
    exit 0;;
  remove)
    for s in "${specs[@]}"; do
      name=${s%%=*}
      read -r -p "Delete Codespaces user secret $name? [y/N] " a
      [[ $a == y ]] && gh secret delete "$name" --user && echo "deleted $name"
    done
    exit 0;;
  plan|apply) ;;
  *) echo "usage: $0 plan|apply --repos o/r[,o/r] --secret NAME=env:VAR|pass:path|op:ref ... | list | remove --secret NAME" >&2; exit 64;;
esac

[[ -n $repos && ${#specs[@]} -gt 0 ]] || { echo "--repos and at least one --secret are required" >&2; exit 64; }
IFS=, read -r -a repo_list <<<"$repos"
for r in "${repo_list[@]}"; do
  [[ $r =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "bad repo: $r" >&2; exit 64; }
  gh repo view "$r" --json nameWithOwner -q .nameWithOwner >/dev/null || { echo "cannot access $r" >&2; exit 1; }
done
existing=$(gh api /user/codespaces/secrets --jq '.secrets[].name' 2>/dev/null || true)

printf '%-22s %-40s %-14s %s\n' SECRET REPOS VALUE NOTE
declare -A values
for s in "${specs[@]}"; do
  name=${s%%=*}; src=${s#*=}
  [[ $name =~ ^[A-Z_][A-Z0-9_]*$ && $name != GITHUB_* ]] || { echo "invalid secret name: $name" >&2; exit 64; }
  if ! val=$(resolve "$src") || [[ -z $val ]]; then echo "could not resolve $src for $name" >&2; exit 1; fi
  values[$name]=$val
  note=""; grep -qx "$name" <<<"$existing" && note="(overwrites existing)"
  printf '%-22s %-40s %-14s %s\n' "$name" "$repos" "$(mask "$val")" "$note"
done

if [[ $mode == plan ]]; then echo; echo "Plan only; nothing sent to GitHub."; exit 0; fi

read -r -p "Set these Codespaces user secrets for the repos above? [y/N] " a
[[ $a == y ]] || { echo aborted; exit 1; }
for name in "${!values[@]}"; do
  printf %s "${values[$name]}" | gh secret set "$name" --user --repos "$repos"
  echo "set $name"
done
unset values
echo "Rebuild or restart existing codespaces to pick up new values."
