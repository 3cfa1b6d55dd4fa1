#!/usr/bin/env bash
# init | sync a Logseq graph with the user's own git remote.
set -euo pipefail
ACTION="${1:?usage: $0 init|sync --graph DIR [--remote URL] [--dry-run]}"; shift
GRAPH="" REMOTE="" DRY=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --graph) GRAPH="$2"; shift 2 ;;
    --remote) REMOTE="$2"; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -d "$GRAPH/pages" || -d "$GRAPH/journals" ]] || { echo "$GRAPH doesn't look like a Logseq graph" >&2; exit 1; }
cd "$GRAPH"

IGNORE=$'logseq/bak/\nlogseq/.recycle/\nlogseq/version-files/\n.DS_Store\n*.swp\n'
SECRET_RE='(ghp_[A-Za-z0-9]{20,}|github_pat_|AKIA[A-Z0-9]{16}|sk-[A-Za-z0-9]{20,}|xox[abp]-|-----BEGIN [A-Z ]*PRIVATE KEY)'

secret_scan() {
  grep -rnoE "$SECRET_RE" --include='*.md' --include='*.org' pages journals 2>/dev/null |
    awk -F: '{print "  possible secret: " $1 ":" $2}' || true
}

case "$ACTION" in
  init)
    [[ -n "$REMOTE" ]] || { echo "--remote required" >&2; exit 2; }
    echo "graph : $GRAPH"; echo "remote: $REMOTE"
    echo "--- .gitignore ---"; printf '%s' "$IGNORE"
    echo "--- files to commit: $(find pages journals assets -type f 2>/dev/null | wc -l | tr -d ' ')"
    secret_scan
    if [[ $DRY -eq 1 ]]; then echo "(dry run: nothing written)"; exit 0; fi
    [[ -d .git ]] || git init -b main
    printf '%s' "$IGNORE" > .gitignore
    git add -A && git commit -qm "Logseq graph initial commit" || true
    git remote get-url origin >/dev/null 2>&1 && git remote set-url origin "$REMOTE" || git remote add origin "$REMOTE"
    git push -u origin main ;;
  sync)
    [[ -d .git ]] || { echo "run init first" >&2; exit 1; }
    found="$(secret_scan)"; [[ -n "$found" ]] && { echo "$found"; echo "secret-looking text found; not syncing until reviewed" >&2; exit 3; }
    git add -A
    git diff --cached --quiet || git commit -qm "sync $(date '+%F %H:%M') from $(hostname -s)"
    git pull --rebase --autostash -q || { echo "conflict: resolve in $GRAPH and re-run" >&2; git status --short; exit 4; }
    git push -q && echo "synced to $(git remote get-url origin)" ;;
  *) echo "unknown action" >&2; exit 2 ;;
esac
