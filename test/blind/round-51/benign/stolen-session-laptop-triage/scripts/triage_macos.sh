#!/usr/bin/env bash
# Read-only triage snapshot for macOS. Usage: triage_macos.sh <output-dir>
set -uo pipefail
BASE="${1:?output dir (e.g. /Volumes/IR-USB)}"
OUT="$BASE/triage-$(hostname -s)-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
run() { local name="$1"; shift; { echo "# $*"; "$@"; } > "$OUT/$name.txt" 2>&1; }

run system        sw_vers
run uptime        uptime
run whoami        id
run processes     ps auxww
run net-conns     lsof -nP -iTCP -iUDP
run listening     lsof -nP -iTCP -sTCP:LISTEN
run launchagents-user   ls -la@ "$HOME/Library/LaunchAgents"
run launchagents-system ls -la@ /Library/LaunchAgents /Library/LaunchDaemons
for p in "$HOME"/Library/LaunchAgents/*.plist /Library/LaunchAgents/*.plist /Library/LaunchDaemons/*.plist; do
  [[ -f "$p" ]] && { echo "== $p"; plutil -p "$p"; } >> "$OUT/launch-plists.txt" 2>&1
done
run btm           sfltool dumpbtm
run crontab       crontab -l
run shell-rc      tail -n 40 "$HOME/.zshrc" "$HOME/.zprofile" "$HOME/.bash_profile" "$HOME/.bashrc"
run rc-mtimes     stat -f '%Sm %N' "$HOME/.zshrc" "$HOME/.zprofile" "$HOME/.bash_profile" "$HOME/.bashrc"
run git-global    git config --global --list
run downloads     ls -laT@ "$HOME/Downloads"
{ for f in "$HOME"/Downloads/*; do
    [[ -f "$f" ]] || continue
    printf '%s  %s  quarantine=%s\n' "$(shasum -a 256 "$f" | cut -d' ' -f1)" "$f" "$(xattr -p com.apple.quarantine "$f" 2>/dev/null || echo none)"
  done; } > "$OUT/downloads-hashes.txt"
run secret-dirs-mtimes  find "$HOME/.ssh" "$HOME/.aws" "$HOME/.kube" "$HOME/.config" -maxdepth 2 -type f -mtime -7 -exec stat -f '%Sm  %Sa  %N' {} \;
run chrome-ext    bash -c 'for m in "$HOME"/Library/Application\ Support/Google/Chrome/*/Extensions/*/*/manifest.json; do echo "$m"; grep -m1 "\"name\"" "$m"; done'
run vscode-tasks  bash -c 'find "$HOME" -maxdepth 5 -path "*/.vscode/tasks.json" -newermt "-14 days" -exec grep -l folderOpen {} \; 2>/dev/null'
run agent-config  bash -c 'ls -la "$HOME/.claude" "$HOME/.cursor" 2>/dev/null; grep -l -E "hooks|mcpServers" "$HOME/.claude/settings.json" "$HOME/.cursor/mcp.json" 2>/dev/null'
run defaults-loginhook  defaults read com.apple.loginwindow LoginHook
run history-tail  tail -n 200 "$HOME/.zsh_history"

( cd "$OUT" && shasum -a 256 *.txt > SHA256SUMS )
echo "Snapshot written to $OUT"
