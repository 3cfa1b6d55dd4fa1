#!/usr/bin/env bash
# Install this skill's hooks into the user's repo under .githooks/ and set core.hooksPath (asks first).
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
REPO="." HOOKS="pre-commit,commit-msg,pre-push" PROTECTED="main" MAX_KB=1024 TEST_CMD="" LINT_CMD="" UNINSTALL=0
while (($#)); do
  case "$1" in
    --repo) REPO="$2"; shift 2 ;;
    --hooks) HOOKS="$2"; shift 2 ;;
    --protected) PROTECTED="$2"; shift 2 ;;
    --max-kb) MAX_KB="$2"; shift 2 ;;
    --test-cmd) TEST_CMD="$2"; shift 2 ;;
    --lint-cmd) LINT_CMD="$2"; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }

TOP="$(git -C "$REPO" rev-parse --show-toplevel)"
echo "repository: $TOP"
git -C "$TOP" remote -v | sed 's/^/  /' | sort -u

if ((UNINSTALL)); then
  cur="$(git -C "$TOP" config --local --get core.hooksPath || true)"
  [[ "$cur" == .githooks ]] || { echo "core.hooksPath is '${cur:-unset}', not .githooks; nothing to do"; exit 0; }
  ask "Unset core.hooksPath in $TOP (files in .githooks/ are kept)?" && git -C "$TOP" config --local --unset core.hooksPath && echo "unset"
  exit 0
fi

existing="$(git -C "$TOP" config --local --get core.hooksPath || true)"
[[ -n "$existing" && "$existing" != .githooks ]] && echo "note: core.hooksPath is currently '$existing'"
for h in "$TOP"/.git/hooks/*; do
  [[ -x "$h" && "$h" != *.sample ]] && echo "note: active hook $h will stop running once core.hooksPath is set"
done
for m in .husky .pre-commit-config.yaml lefthook.yml; do
  [[ -e "$TOP/$m" ]] && echo "note: $m found — consider wiring the checks into it instead (see SKILL.md)"
done

mkdir -p "$TOP/.githooks"
IFS=',' read -ra want <<<"$HOOKS"
for h in "${want[@]}"; do
  src="$HERE/hooks/$h"; dst="$TOP/.githooks/$h"
  [[ -f "$src" ]] || { echo "no such hook: $h"; exit 2; }
  if [[ -f "$dst" ]] && ! cmp -s "$src" "$dst"; then
    diff -u "$dst" "$src" || true
    ask "Overwrite $dst?" || continue
  fi
  cp "$src" "$dst"; chmod +x "$dst"; echo "wrote .githooks/$h"
done

conf="$TOP/.githooks/hooks.conf"
new_conf="$(printf 'PROTECTED=%q\nMAX_KB=%q\nTEST_CMD=%q\nLINT_CMD=%q\n' "$PROTECTED" "$MAX_KB" "$TEST_CMD" "$LINT_CMD")"
echo "--- $conf"; echo "$new_conf"
if [[ ! -f "$conf" ]] || ask "Replace existing hooks.conf with the above?"; then echo "$new_conf" >"$conf"; fi

if ask "Run: git -C $TOP config core.hooksPath .githooks ?"; then
  git -C "$TOP" config --local core.hooksPath .githooks
  echo "hooks active. Review and commit .githooks/ yourself: git add .githooks && git commit -m 'chore: add git hooks'"
else
  echo "files written; hooks not active until you set core.hooksPath"
fi
