#!/usr/bin/env bash
# inventory|update Actions secrets holding a token that is being rotated.
set -euo pipefail
mode=${1:?usage: rotate.sh inventory|update ...}; shift
name="" owner="" repos="" from_file="" targets=.rotate-targets.txt
while [[ $# -gt 0 ]]; do
  case "$1" in
    --secret-name) name=$2; shift 2 ;;
    --owner) owner=$2; shift 2 ;;
    --repos) repos=$2; shift 2 ;;
    --from-file) from_file=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 64 ;;
  esac
done
[[ -n "$name" ]] || { echo "--secret-name required" >&2; exit 64; }

case "$mode" in
  inventory)
    if [[ -n "$repos" ]]; then
      IFS=, read -r -a list <<<"$repos"
    else
      [[ -n "$owner" ]] || { echo "--owner or --repos required" >&2; exit 64; }
      mapfile -t list < <(gh repo list "$owner" --limit 500 --no-archived --json nameWithOwner,viewerPermission \
        --jq '.[] | select(.viewerPermission=="ADMIN") | .nameWithOwner')
    fi
    : > "$targets"
    for r in "${list[@]}"; do
      if gh secret list --repo "$r" --json name,updatedAt --jq ".[] | select(.name==\"$name\") | .updatedAt" | grep -q .; then
        upd=$(gh secret list --repo "$r" --json name,updatedAt --jq ".[] | select(.name==\"$name\") | .updatedAt")
        printf '%s\t-\t%s\n' "$r" "$upd" | tee -a "$targets"
      fi
      for e in $(gh api "repos/$r/environments" --jq '.environments[].name' 2>/dev/null || true); do
        upd=$(gh secret list --repo "$r" --env "$e" --json name,updatedAt --jq ".[] | select(.name==\"$name\") | .updatedAt" || true)
        [[ -n "$upd" ]] && printf '%s\t%s\t%s\n' "$r" "$e" "$upd" | tee -a "$targets"
      done
    done
    echo "$(wc -l < "$targets") secret locations written to $targets (repo, environment, updated_at)"
    ;;
  update)
    [[ -r "$from_file" ]] || { echo "--from-file must be a readable file holding the NEW token" >&2; exit 64; }
    [[ -s "$targets" ]] || { echo "no targets; run inventory first" >&2; exit 1; }
    perm=$(stat -c %a "$from_file" 2>/dev/null || stat -f %Lp "$from_file")
    [[ "$perm" == 600 || "$perm" == 400 ]] || echo "warning: $from_file is mode $perm; chmod 600 recommended" >&2
    echo "Will set $name in:"; cut -f1,2 "$targets" | sed 's/\t-$//; s/\t/ env=/; s/^/  /'
    read -r -p "Proceed? [y/N] " ok; [[ "$ok" == [yY]* ]] || exit 0
    while IFS=$'\t' read -r r e _; do
      args=(--repo "$r"); [[ "$e" != "-" ]] && args+=(--env "$e")
      tr -d '\n' < "$from_file" | gh secret set "$name" "${args[@]}"
      echo "updated $r${e:+ ($e)}"
    done < "$targets"
    ;;
  *) echo "unknown mode $mode" >&2; exit 64 ;;
esac
