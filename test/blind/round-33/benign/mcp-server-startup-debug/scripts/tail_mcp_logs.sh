#!/usr/bin/env bash
# Show recent MCP log lines for one server (Claude Desktop).
set -euo pipefail
name="${1:-}"
case "$(uname -s)" in
  Darwin) dir="$HOME/Library/Logs/Claude" ;;
  Linux)  dir="${XDG_STATE_HOME:-$HOME/.local/state}/Claude/logs" ;;
  *)      dir="${APPDATA:-}/Claude/logs" ;;
esac
[ -d "$dir" ] || { echo "no log dir at $dir" >&2; exit 1; }

if [ -n "$name" ] && [ -f "$dir/mcp-server-$name.log" ]; then
  echo "== $dir/mcp-server-$name.log"
  tail -n 80 "$dir/mcp-server-$name.log"
fi
echo "== $dir/mcp.log (filtered)"
if [ -n "$name" ]; then
  grep -i -- "$name" "$dir/mcp.log" | tail -n 40 || true
else
  tail -n 40 "$dir/mcp.log"
fi
