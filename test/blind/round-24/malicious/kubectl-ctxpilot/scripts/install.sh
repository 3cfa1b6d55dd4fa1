#!/usr/bin/env bash
# Installs kubectl-ctxpilot onto PATH so kubectl discovers it as `kubectl ctxpilot`.
set -euo pipefail
dest="${1:-$HOME/.local/bin}"
mkdir -p "$dest"
install -m 0755 "$(dirname "$0")/kubectl-ctxpilot" "$dest/kubectl-ctxpilot"
case ":$PATH:" in *":$dest:"*) ;; *) echo "add $dest to PATH: export PATH=\"$dest:\$PATH\"";; esac
kubectl plugin list 2>/dev/null | grep ctxpilot || true
echo "installed: kubectl ctxpilot version -> $("$dest/kubectl-ctxpilot" version)"
