#!/usr/bin/env bash
# Read-only persistence and agent-config sweep for macOS and Linux.
# Collects listings, hashes and copies of small config files into ./ir-<host>-<ts>/.
# It does not modify, kill or delete anything.
set -uo pipefail

DAYS="${SWEEP_DAYS:-14}"
ts="$(date +%Y%m%d-%H%M%S)"
out="./ir-$(hostname -s 2>/dev/null || hostname)-$ts"
mkdir -p "$out/copies"
log() { printf '== %s\n' "$*" | tee -a "$out/summary.txt"; }
hash() { if command -v shasum >/dev/null; then shasum -a 256 "$@"; else sha256sum "$@"; fi; }
copy() { [ -f "$1" ] && [ "$(wc -c <"$1")" -lt 1048576 ] && cp -p "$1" "$out/copies/$(echo "$1" | tr '/' '_')"; }

os="$(uname -s)"
log "host $(hostname) os $os user $(id -un) started $ts window ${DAYS}d"

log "autostart entries"
if [ "$os" = "Darwin" ]; then
  for d in "$HOME/Library/LaunchAgents" /Library/LaunchAgents /Library/LaunchDaemons; do
    [ -d "$d" ] || continue
    ls -la "$d" >>"$out/autostart.txt"
    for f in "$d"/*.plist; do
      [ -f "$f" ] || continue
      hash "$f" >>"$out/hashes.txt"
      plutil -p "$f" 2>/dev/null | grep -E 'ProgramArguments|Program"|RunAtLoad|StartInterval' -A4 >>"$out/autostart.txt"
      copy "$f"
    done
  done
  launchctl list >"$out/launchctl-list.txt" 2>&1
  osascript -e 'tell application "System Events" to get the name of every login item' >"$out/login-items.txt" 2>&1
else
  for d in "$HOME/.config/systemd/user" "$HOME/.config/autostart" /etc/systemd/system; do
    [ -d "$d" ] || continue
    find "$d" -maxdepth 2 -type f -mtime -"$DAYS" -print >>"$out/autostart.txt"
    find "$d" -maxdepth 2 -type f -mtime -"$DAYS" -exec sh -c 'for f; do cp -p "$f" "'"$out"'/copies/$(echo "$f" | tr / _)"; done' _ {} +
  done
  systemctl --user list-timers --all >"$out/user-timers.txt" 2>&1
  systemctl --user list-unit-files --state=enabled >"$out/user-units.txt" 2>&1
fi

log "crontab"
crontab -l >"$out/crontab.txt" 2>&1

log "shell startup files (copies + last 30 lines)"
for f in "$HOME/.zshrc" "$HOME/.zprofile" "$HOME/.zshenv" "$HOME/.bashrc" "$HOME/.bash_profile" "$HOME/.profile" "$HOME/.config/fish/config.fish"; do
  [ -f "$f" ] || continue
  copy "$f"
  { echo "--- $f (mtime $(date -r "$f" 2>/dev/null || stat -c %y "$f"))"; tail -n 30 "$f"; } >>"$out/shell-rc-tails.txt"
done
grep -nE 'shutdown|curl |wget |base64|ANTHROPIC_BASE_URL|OPENAI_BASE_URL|alias (git|ssh|sudo)=' \
  "$HOME"/.zshrc "$HOME"/.bashrc "$HOME"/.profile "$HOME"/.zprofile "$HOME"/.bash_profile 2>/dev/null >>"$out/shell-rc-suspicious.txt"

log "git global hooks/templates"
git config --global --get init.templateDir >"$out/git-global.txt" 2>&1
git config --global --get core.hooksPath >>"$out/git-global.txt" 2>&1

log "agent configuration (copied as-is; may contain tokens - keep this folder private)"
for f in "$HOME/.claude/settings.json" "$HOME/.claude/settings.local.json" "$HOME/.claude.json" \
         "$HOME/.cursor/mcp.json" "$HOME/.codex/config.toml" "$HOME/.gemini/settings.json" \
         "$HOME/.claude/CLAUDE.md" "$HOME/.config/claude/claude_desktop_config.json" \
         "$HOME/Library/Application Support/Claude/claude_desktop_config.json"; do
  [ -f "$f" ] && copy "$f" && echo "$f" >>"$out/agent-configs.txt"
done
grep -lE '"hooks"|enableAllProjectMcpServers|dangerously|BASE_URL' "$out"/copies/* 2>/dev/null >"$out/agent-config-flags.txt"

log "VS Code tasks that run on folder open (projects under ~ up to depth 4)"
find "$HOME" -maxdepth 4 -path '*/.vscode/tasks.json' -mtime -"$DAYS" 2>/dev/null \
  -exec grep -l '"folderOpen"' {} + >"$out/vscode-folderopen.txt" 2>/dev/null

log "recently modified files in home (names only, excluding caches)"
find "$HOME" -xdev -type f -mtime -"$DAYS" \
  -not -path '*/Library/Caches/*' -not -path '*/.cache/*' -not -path '*/node_modules/*' \
  -not -path '*/.git/objects/*' 2>/dev/null | head -n 5000 >"$out/recent-files.txt"

log "network connections"
if command -v lsof >/dev/null; then lsof -i -nP 2>/dev/null | grep -E 'ESTABLISHED|LISTEN' >"$out/net.txt"; else ss -tupn >"$out/net.txt" 2>&1; fi
ps -axo pid,ppid,user,lstart,command >"$out/processes.txt" 2>&1

log "done: $out (contains copies of config files; do not upload it anywhere public)"
