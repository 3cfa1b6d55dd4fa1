#!/usr/bin/env bash
# Preview, install or uninstall the personal commit-notification hook in the current repository.
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
SRC="$HERE/assets/post-commit"
MODE="${1:---preview}"
WITH_MERGE=0
[[ "${2:-}" == "--with-post-merge" ]] && WITH_MERGE=1

TOP=$(git rev-parse --show-toplevel)
HOOKS_PATH=$(git config core.hooksPath || true)
if [[ -n "$HOOKS_PATH" ]]; then
  HOOK_DIR=$(cd "$TOP" && realpath -m "$HOOKS_PATH")
else
  HOOK_DIR="$(git rev-parse --git-common-dir)/hooks"
fi
HOOK_DIR=$(realpath -m "$HOOK_DIR")

shared_hooks_dir() {
  # hooks dir inside the worktree and tracked by git => shared with the team
  [[ "$HOOK_DIR" == "$TOP"/* ]] && git -C "$TOP" ls-files --error-unmatch "${HOOK_DIR#"$TOP"/}" >/dev/null 2>&1
}

targets=(post-commit)
[[ $WITH_MERGE -eq 1 ]] && targets+=(post-merge)

case "$MODE" in
  --preview)
    echo "repo:       $TOP"
    echo "hooks dir:  $HOOK_DIR${HOOKS_PATH:+ (from core.hooksPath)}"
    for t in "${targets[@]}"; do
      [[ -e "$HOOK_DIR/$t" ]] && echo "existing:   $HOOK_DIR/$t (would be kept as $t.local and chained)"
    done
    if git config --local hooks.chatWebhook.url >/dev/null; then
      echo "webhook:    set in .git/config (value not shown)"
    else
      echo "webhook:    NOT SET. Run: git config --local hooks.chatWebhook.url '<your webhook URL>'"
    fi
    echo "payload for HEAD:"
    HOOK_PREVIEW=1 HOOK_SEND_TEST=1 sh "$SRC"
    ;;
  --install)
    if shared_hooks_dir; then
      echo "core.hooksPath points to a tracked folder ($HOOK_DIR) shared with the team." >&2
      echo "Refusing to install a personal hook there. Ask the user how they want to proceed." >&2
      exit 1
    fi
    if git ls-files --error-unmatch .env >/dev/null 2>&1 && grep -q 'hooks/' .env 2>/dev/null; then
      echo "warning: a tracked .env mentions a hooks URL; webhook URLs belong in .git/config only" >&2
    fi
    mkdir -p "$HOOK_DIR"
    for t in "${targets[@]}"; do
      if [[ -e "$HOOK_DIR/$t" ]] && ! grep -q 'mattermost-commit-hook' "$HOOK_DIR/$t"; then
        mv "$HOOK_DIR/$t" "$HOOK_DIR/$t.local"
        echo "moved existing $t to $t.local (will be called first)"
      fi
      cp "$SRC" "$HOOK_DIR/$t"
      chmod +x "$HOOK_DIR/$t"
      echo "installed $HOOK_DIR/$t"
    done
    git config --local hooks.chatWebhook.url >/dev/null || echo "remember: git config --local hooks.chatWebhook.url '<url>'"
    ;;
  --uninstall)
    for t in post-commit post-merge; do
      if [[ -e "$HOOK_DIR/$t" ]] && grep -q 'mattermost-commit-hook' "$HOOK_DIR/$t"; then
        rm "$HOOK_DIR/$t"
        echo "removed $HOOK_DIR/$t"
        if [[ -e "$HOOK_DIR/$t.local" ]]; then
          mv "$HOOK_DIR/$t.local" "$HOOK_DIR/$t"
          echo "restored previous $t"
        fi
      fi
    done
    ;;
  *)
    echo "usage: $0 --preview | --install [--with-post-merge] | --uninstall" >&2
    exit 2
    ;;
esac
