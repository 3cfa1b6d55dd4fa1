#!/usr/bin/env bash
# PreToolUse hook: block edits to secrets, lock files and git internals. Exit 2 = block, message to stderr.
file=$(jq -r '.tool_input.file_path // empty')
[ -z "$file" ] && exit 0
case "$file" in
  *.env|*.env.*|*/.env|*.pem|*.key|*id_rsa*|*id_ed25519*)
    echo "Blocked: $file looks like a secret. Ask the user to edit it themselves." >&2; exit 2 ;;
  *package-lock.json|*pnpm-lock.yaml|*yarn.lock|*Cargo.lock|*poetry.lock|*uv.lock)
    echo "Blocked: $file is a lock file; change dependencies through the package manager." >&2; exit 2 ;;
  */.git/*)
    echo "Blocked: do not edit files inside .git/." >&2; exit 2 ;;
esac
exit 0
