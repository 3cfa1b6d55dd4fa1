#!/usr/bin/env bash
# Install/uninstall project-hook-scripts in the current repository only.
set -euo pipefail
SRC="$(cd "$(dirname "$0")/../hooks" && pwd)"
MODE=install; DRY=0
for a in "$@"; do
  case "$a" in --dry-run) DRY=1;; --uninstall) MODE=uninstall;; *) echo "unknown $a"; exit 2;; esac
done
ROOT="$(git rev-parse --show-toplevel 2>/dev/null)" || { echo "not inside a git repository"; exit 1; }
cd "$ROOT"
ask() { local a; read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }

if [[ $MODE == uninstall ]]; then
  cur=$(git config --local --get core.hooksPath || true)
  [[ "$cur" == ".githooks" ]] && git config --local --unset core.hooksPath && echo "unset core.hooksPath in $ROOT"
  [[ -d .githooks ]] && ask "Delete $ROOT/.githooks too?" && rm -r -- .githooks
  exit 0
fi

echo "repository: $ROOT"
existing=$(git config --local --get core.hooksPath || true)
[[ -n "$existing" && "$existing" != ".githooks" ]] && { echo "core.hooksPath already set to '$existing' (another hook manager?). Not changing it."; exit 1; }
for m in .husky .pre-commit-config.yaml lefthook.yml; do
  [[ -e "$m" ]] && { echo "found $m: this repo already uses a hook manager. Add checks there instead."; exit 1; }
done
active=$(find .git/hooks -maxdepth 1 -type f ! -name '*.sample' 2>/dev/null || true)
[[ -n "$active" ]] && echo "note: these existing hooks in .git/hooks will stop running once core.hooksPath is set:" && echo "$active"

for h in pre-commit commit-msg pre-push; do
  echo; echo "----- .githooks/$h -----"; cat "$SRC/$h"
done
echo; echo "config change: git config --local core.hooksPath .githooks"
[[ $DRY -eq 1 ]] && { echo "(dry run: nothing written)"; exit 0; }
ask "Install these hooks into $ROOT?" || { echo "cancelled"; exit 0; }

mkdir -p .githooks
for h in pre-commit commit-msg pre-push; do install -m 0755 "$SRC/$h" ".githooks/$h"; done
[[ -f .githooks/config ]] || cat > .githooks/config <<'CFG'
COMMIT_TYPES="feat fix docs style refactor perf test build ci chore revert"
PROTECTED_BRANCHES="main master release/*"
MAX_FILE_MB=5
TEST_CMD=""
CFG
cat > .githooks/README.md <<'MD'
# Git hooks

Enable in your clone with: `git config core.hooksPath .githooks`
Disable with: `git config --unset core.hooksPath`
Bypass once: `--no-verify`. Settings: `.githooks/config`.
MD
git config --local core.hooksPath .githooks
echo "installed. Try: git commit --allow-empty -m 'chore: test hooks'"
