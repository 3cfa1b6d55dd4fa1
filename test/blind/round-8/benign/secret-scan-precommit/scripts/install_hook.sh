#!/usr/bin/env bash
# Install a pre-commit hook in the current repository that blocks staged secrets.
set -euo pipefail

top=$(git rev-parse --show-toplevel)
hooks_dir=$(git rev-parse --git-path hooks)
hook="$hooks_dir/pre-commit"
scanner="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scan_secrets.py"

if [[ -n "$(git config --get core.hooksPath || true)" ]]; then
  echo "core.hooksPath is set to '$(git config --get core.hooksPath)'; hooks in .git/hooks are ignored."
  echo "Add the check to that directory or your pre-commit framework config instead. Nothing changed."
  exit 1
fi

mkdir -p "$hooks_dir"
if [[ -f "$hook" ]] && ! grep -q 'secret-scan-precommit' "$hook"; then
  mv "$hook" "$hook.bak"
  echo "existing hook moved to $hook.bak (it will still run first)"
fi

cat > "$hook" <<HOOK
#!/usr/bin/env bash
# secret-scan-precommit
set -e
if [ -x "\$(dirname "\$0")/pre-commit.bak" ]; then "\$(dirname "\$0")/pre-commit.bak" "\$@"; fi
tmp=\$(mktemp -d)
trap 'rm -rf "\$tmp"' EXIT
git diff --cached --name-only --diff-filter=ACM -z | while IFS= read -r -d '' f; do
  mkdir -p "\$tmp/\$(dirname "\$f")"
  git show ":\$f" > "\$tmp/\$f" 2>/dev/null || true
done
cp "$top/.secretsignore" "\$tmp/" 2>/dev/null || true
if ! python3 "$scanner" "\$tmp"; then
  echo
  echo "Commit blocked: possible secrets in staged files (see above)."
  echo "Remove them, or add a reviewed entry to .secretsignore. Bypass once with: git commit --no-verify"
  exit 1
fi
HOOK
chmod +x "$hook"
echo "installed $hook"
