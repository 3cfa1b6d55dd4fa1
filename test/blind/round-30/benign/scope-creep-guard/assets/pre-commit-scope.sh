#!/usr/bin/env bash
# Optional git pre-commit hook: block commits that touch files outside the active plan's scope.
# Install (per clone, opt-in):  cp assets/pre-commit-scope.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
# Set the active plan:          echo docs/plans/<plan>.md > .claude/current-plan
# Bypass once (deliberately):   git commit --no-verify
set -euo pipefail
PLAN_FILE=.claude/current-plan
[[ -s "$PLAN_FILE" ]] || exit 0
CHECKER=.claude/scripts/check_scope.py
[[ -f "$CHECKER" ]] || CHECKER=scripts/check_scope.py
python3 "$CHECKER" --plan "$(cat "$PLAN_FILE")" --staged
