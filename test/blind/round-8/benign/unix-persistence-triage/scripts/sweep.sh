#!/usr/bin/env bash
# Read-only persistence sweep for macOS/Linux. Writes only into --out DIR.
set -uo pipefail

out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 --out DIR" >&2; exit 2 ;;
  esac
done
[[ -z "$out" ]] && { echo "usage: $0 --out DIR" >&2; exit 2; }
mkdir -p "$out"
report="$out/report.md"
denied="$out/not-readable.txt"
: > "$denied"
os=$(uname -s)
recent_days=14

h() { printf '\n## %s\n\n' "$1" >> "$report"; }
line() { printf '%s\n' "$*" >> "$report"; }
mtime() { if [[ "$os" == Darwin ]]; then stat -f '%Sm' -t '%Y-%m-%d %H:%M' "$1"; else stat -c '%y' "$1" | cut -c1-16; fi; }
meta() { if [[ "$os" == Darwin ]]; then stat -f '%Sp %z B' "$1"; else stat -c '%A %s B' "$1"; fi; }
is_recent() { [[ -n "$(find "$1" -maxdepth 0 -mtime -"$recent_days" 2>/dev/null)" ]]; }
flag() { is_recent "$1" && printf ' **(modified in last %sd)**' "$recent_days"; }
suspicious_cmd='curl|wget|base64|openssl enc|python[0-9.]* -c|osascript|nc |ncat|/tmp/|/dev/tcp|eval|\| *(ba|z)?sh'

{
  echo "# Persistence triage — $(hostname) — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "User: $(id -un) · OS: $os $(uname -r)"
} > "$report"

h "Scheduled and login items"
if [[ "$os" == Darwin ]]; then
  for d in ~/Library/LaunchAgents /Library/LaunchAgents /Library/LaunchDaemons; do
    [[ -d "$d" ]] || continue
    for p in "$d"/*.plist; do
      [[ -e "$p" ]] || continue
      if ! [[ -r "$p" ]]; then echo "$p" >> "$denied"; continue; fi
      prog=$(plutil -extract ProgramArguments raw -o - "$p" 2>/dev/null || plutil -extract Program raw -o - "$p" 2>/dev/null)
      args=$(plutil -convert json -o - "$p" 2>/dev/null | tr -d '\n' | grep -oE '"ProgramArguments":\[[^]]*\]' | head -c 300)
      mark=""; [[ "$args" =~ $suspicious_cmd ]] && mark=" ⚠"
      line "- \`$p\` ($(mtime "$p"))$(flag "$p")$mark"
      [[ -n "$args" ]] && line "  - $args"
    done
  done
  osascript -e 'tell application "System Events" to get the path of every login item' > "$out/login-items.txt" 2>/dev/null \
    && line "- login items: see login-items.txt"
  sfltool dumpbtm > "$out/background-task-mgmt.txt" 2>/dev/null || echo "sfltool dumpbtm (needs root)" >> "$denied"
else
  for d in ~/.config/systemd/user /etc/systemd/system; do
    [[ -d "$d" ]] || continue
    find "$d" -maxdepth 2 -type f \( -name '*.service' -o -name '*.timer' \) 2>/dev/null | while read -r u; do
      exec_line=$(grep -hE '^Exec(Start|StartPre)=' "$u" 2>/dev/null | head -2 | tr '\n' ' ')
      mark=""; [[ "$exec_line" =~ $suspicious_cmd ]] && mark=" ⚠"
      line "- \`$u\` ($(mtime "$u"))$(flag "$u")$mark: \`${exec_line:0:200}\`"
    done
  done
  systemctl --user list-timers --all --no-pager > "$out/systemd-user-timers.txt" 2>/dev/null
  for d in ~/.config/autostart /etc/xdg/autostart; do
    [[ -d "$d" ]] && ls -la "$d" >> "$out/autostart.txt" 2>/dev/null
  done
fi
if crontab -l > "$out/crontab-user.txt" 2>/dev/null; then
  line "- user crontab: $(grep -cvE '^\s*(#|$)' "$out/crontab-user.txt") active line(s)"
  grep -nE "$suspicious_cmd" "$out/crontab-user.txt" | sed 's/^/  - ⚠ /' >> "$report"
fi
for f in /etc/crontab /etc/cron.d/*; do [[ -r "$f" ]] && cat "$f" >> "$out/crontab-system.txt" 2>/dev/null; done

h "Shell startup files"
for f in ~/.bashrc ~/.bash_profile ~/.profile ~/.zshrc ~/.zprofile ~/.zshenv ~/.config/fish/config.fish; do
  [[ -f "$f" ]] || continue
  line "- \`$f\` ($(mtime "$f"))$(flag "$f")"
  grep -nE "$suspicious_cmd|alias +(sudo|git|ssh)=|^(sudo|git|ssh) *\(\)|function +(sudo|git|ssh)\b|PROMPT_COMMAND|trap .* DEBUG" "$f" 2>/dev/null \
    | cut -c1-200 | sed 's/^/  - ⚠ line /' >> "$report"
done

h "PATH shims over common tools"
IFS=: read -ra path_dirs <<< "$PATH"
line "PATH order: \`$PATH\`"
for tool in git ssh sudo scp npm node python3 pip pip3 curl gh aws kubectl; do
  resolved=$(command -v "$tool" 2>/dev/null) || continue
  case "$resolved" in
    /usr/bin/*|/bin/*|/usr/sbin/*|/sbin/*|/opt/homebrew/*|/usr/local/bin/*|/usr/local/Cellar/*|*/.nvm/*|*/.pyenv/shims/*|*/.cargo/bin/*|*/.volta/bin/*|*/.asdf/shims/*|*/mise/*) ;;
    *) line "- ⚠ \`$tool\` resolves to \`$resolved\` ($(mtime "$resolved"))$(flag "$resolved")" ;;
  esac
done

h "git global configuration"
git config --global --list > "$out/git-global.txt" 2>/dev/null
for key in credential.helper core.hooksPath core.sshCommand core.fsmonitor url.*.insteadOf http.proxy; do
  val=$(git config --global --get-regexp "^${key//./\\.}" 2>/dev/null | sed 's/\\\././g')
  [[ -n "$val" ]] && line "- \`$val\`"
done
hp=$(git config --global core.hooksPath 2>/dev/null)
[[ -n "$hp" && -d "$hp" ]] && ls -la "$hp" > "$out/global-hooks.txt" && line "  - hooksPath contents: see global-hooks.txt"

h "SSH"
if [[ -f ~/.ssh/authorized_keys ]]; then
  line "- authorized_keys: $(grep -cvE '^\s*(#|$)' ~/.ssh/authorized_keys) key(s), $(mtime ~/.ssh/authorized_keys)$(flag ~/.ssh/authorized_keys)"
  awk '!/^#/ && NF {print "  - " $1 " … " $NF}' ~/.ssh/authorized_keys | cut -c1-120 >> "$report"
fi
if [[ -f ~/.ssh/config ]]; then
  grep -nEi '^\s*(ProxyCommand|LocalCommand|PermitLocalCommand|Match exec)' ~/.ssh/config | sed 's/^/  - ⚠ ssh config line /' >> "$report"
fi
for k in ~/.ssh/id_*; do
  [[ -f "$k" ]] || continue
  line "- key file \`$k\`: $(meta "$k"), $(mtime "$k")$(flag "$k")"
done

h "Privilege"
if sudo -n -l > "$out/sudo-l.txt" 2>/dev/null; then
  grep -n NOPASSWD "$out/sudo-l.txt" | sed 's/^/- ⚠ /' >> "$report"
else
  echo "sudo -l (password required; not prompted)" >> "$denied"
fi
for f in /etc/sudoers.d/*; do
  [[ -e "$f" ]] || continue
  if [[ -r "$f" ]]; then grep -Hn NOPASSWD "$f" | sed 's/^/- ⚠ /' >> "$report"; else echo "$f" >> "$denied"; fi
done

h "Package manager sources"
for f in ~/.npmrc ~/.yarnrc ~/.yarnrc.yml ~/.config/pip/pip.conf ~/.pip/pip.conf ~/.config/uv/uv.toml ~/.gemrc ~/.cargo/config.toml; do
  [[ -f "$f" ]] || continue
  # print registry/index lines with any credentials removed
  grep -nEi 'registry|index-url|index_url|extra-index|sources|replace-with' "$f" 2>/dev/null \
    | sed -E 's#//[^/@ ]+@#//***@#; s#(_authToken|_auth|password)[^ ]*#\1=***#' \
    | sed "s#^#- \`$f\` #" >> "$report"
done

h "AI agent configuration (user-level)"
for f in ~/.claude/CLAUDE.md ~/.claude/settings.json ~/.claude.json ~/.codex/AGENTS.md ~/.codex/config.toml ~/.gemini/GEMINI.md ~/.cursor/mcp.json; do
  [[ -f "$f" ]] || continue
  line "- \`$f\` ($(mtime "$f"))$(flag "$f")"
  grep -nE '_BASE_URL|hooks|bypassPermissions|dangerously|curl |base64|<!--' "$f" 2>/dev/null | cut -c1-160 | sed 's/^/  - line /' >> "$report"
  if LC_ALL=C grep -q $'\xe2\x80\x8b\|\xe2\x80\x8c\|\xe2\x80\x8d\|\xf3\xa0' "$f" 2>/dev/null; then
    line "  - ⚠ contains zero-width or tag Unicode characters"
  fi
done
[[ -d ~/.claude/skills ]] && ls -la ~/.claude/skills > "$out/claude-skills.txt" && line "- installed user skills: see claude-skills.txt"

h "Not readable as this user"
if [[ -s "$denied" ]]; then sed 's/^/- /' "$denied" >> "$report"; else line "(none)"; fi

echo "report written to $report"
