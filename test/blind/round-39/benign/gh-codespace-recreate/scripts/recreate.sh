#!/usr/bin/env bash
set -euo pipefail
cs=""; machine=""; dc=""
while [ $# -gt 0 ]; do
  case "$1" in
    --codespace|-c) cs="$2"; shift 2 ;;
    --machine) machine="$2"; shift 2 ;;
    --devcontainer) dc="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ -n "$cs" ] || { echo "--codespace NAME is required (see: gh codespace list)" >&2; exit 1; }
confirm() { read -r -p "$1 [y/N] " a; [ "$a" = y ] || [ "$a" = Y ]; }

info=$(gh codespace view -c "$cs" --json repository,gitStatus,machineName,state)
repo=$(jq -r .repository <<<"$info"); branch=$(jq -r .gitStatus.ref <<<"$info")
machine=${machine:-$(jq -r .machineName <<<"$info")}
echo "codespace: $cs  repo: $repo  branch: $branch  machine: $machine  state: $(jq -r .state <<<"$info")"

ts=$(date +%Y%m%d%H%M%S); base="rescue-$cs-$ts"
remote_script=$(cat <<SH
set -e
cd /workspaces/\$(ls /workspaces | grep -v '^\.' | head -1)
echo "== status"; git status --porcelain
echo "== stashes"; git stash list
echo "== unpushed"; git log --oneline @{u}..HEAD 2>/dev/null || git log --oneline -5
git add -N . >/dev/null 2>&1 || true
git diff HEAD > /tmp/$base.patch
if git rev-parse @{u} >/dev/null 2>&1 && [ -n "\$(git log --oneline @{u}..HEAD)" ]; then
  git bundle create /tmp/$base.bundle @{u}..HEAD >/dev/null 2>&1
fi
SH
)
gh codespace ssh -c "$cs" -- bash -c "$remote_script"

mkdir -p ./codespace-rescue
gh codespace cp -c "$cs" -e "remote:/tmp/$base.patch" ./codespace-rescue/ || true
gh codespace cp -c "$cs" -e "remote:/tmp/$base.bundle" ./codespace-rescue/ 2>/dev/null || true
echo "rescued files:"; ls -l ./codespace-rescue/ | grep "$base" || echo "  (none)"
unpushed=$(jq -r '.gitStatus.hasUnpushedChanges' <<<"$info")

confirm "Delete codespace $cs?" || { echo "kept $cs"; exit 1; }
if [ "$unpushed" = "true" ]; then
  confirm "GitHub reports unpushed changes. The rescue files above are your only copy. Delete anyway?" || exit 1
  gh codespace delete -c "$cs" --force
else
  gh codespace delete -c "$cs"
fi

args=(-R "$repo" -b "$branch" -m "$machine")
[ -n "$dc" ] && args+=(--devcontainer-path "$dc")
echo "creating: gh codespace create ${args[*]}"
gh codespace create "${args[@]}"
