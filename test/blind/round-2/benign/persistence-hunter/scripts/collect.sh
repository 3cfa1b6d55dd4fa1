#!/usr/bin/env bash
# Read-only collection of persistence locations. Writes only to ./persistence-report/<ts>/.
set -uo pipefail

since_days=0
repos_dir=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --since) since_days=$2; shift 2 ;;
    --repos) repos_dir=$2; shift 2 ;;
    *) echo "usage: collect.sh [--since DAYS] [--repos DIR]" >&2; exit 2 ;;
  esac
done

ts=$(date +%Y%m%d-%H%M%S)
out="./persistence-report/$ts"
mkdir -p "$out/files"
summary="$out/summary.md"
os=$(uname -s)
SUSPECT='curl |wget |base64|osascript|python3? -c|/dev/tcp/|nc -e|nohup|setsid|shutdown|\| *(ba|z)?sh|eval |chmod \+x|/tmp/|ngrok'

section() { printf '\n## %s\n\n' "$1" >>"$summary"; }
note() { printf '%s\n' "$*" >>"$summary"; }
mtime() { if [[ $os == Darwin ]]; then stat -f '%Sm' -t '%Y-%m-%d %H:%M' "$1"; else stat -c '%y' "$1" | cut -c1-16; fi; }
recent() {
  [[ $since_days -gt 0 ]] || return 1
  [[ -n $(find "$1" -maxdepth 0 -mtime -"$since_days" 2>/dev/null) ]]
}
list_dir() {
  local d=$1
  [[ -d $d ]] || { note "- \`$d\`: (absent)"; return; }
  local any=0
  while IFS= read -r -d '' f; do
    any=1
    local flag=""; recent "$f" && flag=" **[recent]**"
    note "- \`$f\` — $(mtime "$f")$flag"
    if grep -Eq "$SUSPECT" "$f" 2>/dev/null; then
      grep -En "$SUSPECT" "$f" 2>/dev/null | head -5 | sed 's/^/    - suspicious: `/; s/$/`/' >>"$summary"
    fi
  done < <(find "$d" -maxdepth 1 -type f -print0 2>/dev/null)
  [[ $any == 1 ]] || note "- \`$d\`: (empty)"
}

note "# Persistence report — $(hostname) — $ts"
note ""
note "OS: $os $(uname -r). User: $(id -un). Nothing was modified by this collection."

section "Crontab"
if crontab -l >"$out/files/crontab.txt" 2>/dev/null; then
  sed 's/^/    /' "$out/files/crontab.txt" >>"$summary"
else
  note "(no user crontab)"
fi
for f in /etc/crontab /etc/cron.d/*; do [[ -r $f ]] && note "- \`$f\` — $(mtime "$f")"; done

section "Shell startup files"
for f in ~/.bashrc ~/.bash_profile ~/.profile ~/.zshrc ~/.zprofile ~/.zshenv ~/.zlogin ~/.config/fish/config.fish; do
  [[ -f $f ]] || continue
  cp "$f" "$out/files/$(basename "$f")"
  flag=""; recent "$f" && flag=" **[recent]**"
  note "- \`$f\` — $(mtime "$f")$flag"
  grep -En "$SUSPECT" "$f" | sed 's/^/    - suspicious: `/; s/$/`/' >>"$summary"
  tail -n 3 "$f" | sed 's/^/    - last lines: `/; s/$/`/' >>"$summary"
done

section "SSH"
if [[ -f ~/.ssh/authorized_keys ]]; then
  note "authorized_keys — $(mtime ~/.ssh/authorized_keys):"
  ssh-keygen -lf ~/.ssh/authorized_keys 2>/dev/null | sed 's/^/    /' >>"$summary"
  grep -nE '^(command=|.*,command=)' ~/.ssh/authorized_keys | cut -c1-120 | sed 's/^/    - forced command: `/; s/$/`/' >>"$summary"
else
  note "(no authorized_keys)"
fi
[[ -f ~/.ssh/config ]] && grep -nEi 'ProxyCommand|LocalCommand|PermitLocalCommand' ~/.ssh/config | sed 's/^/    - ssh config: `/; s/$/`/' >>"$summary"

section "Python .pth files"
if command -v python3 >/dev/null; then
  python3 - <<'PY' >>"$summary"
import glob, os, site, sys
dirs = set(site.getsitepackages() if hasattr(site, "getsitepackages") else []) | {site.getusersitepackages()}
for d in sorted(dirs):
    for p in sorted(glob.glob(os.path.join(d, "*.pth"))):
        lines = [l.rstrip() for l in open(p, errors="replace") if l.startswith(("import", "import\t"))]
        print(f"- `{p}`" + (" — **executes code at startup**:" if lines else ""))
        for l in lines[:3]:
            print(f"    - `{l[:150]}`")
PY
fi

section "Git"
note "- global core.hooksPath: \`$(git config --global core.hooksPath 2>/dev/null || echo unset)\`"
note "- global init.templateDir: \`$(git config --global init.templateDir 2>/dev/null || echo unset)\`"
if [[ -n $repos_dir ]]; then
  find "$repos_dir" -maxdepth 4 -path '*/.git/hooks/*' -type f ! -name '*.sample' 2>/dev/null | while read -r h; do
    note "- hook \`$h\` — $(mtime "$h")"
  done
fi

section "Agent configuration"
for f in ~/.claude/settings.json ./.claude/settings.json ./.claude/settings.local.json; do
  [[ -f $f ]] || continue
  note "- \`$f\` — $(mtime "$f")"
  python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for ev,items in (d.get("hooks") or {}).items():
    for it in items:
        for h in it.get("hooks",[]):
            print(f"    - hook {ev}: `{h.get(\"command\",\"\")[:150]}`")
m=(d.get("permissions") or {}).get("defaultMode")
if m: print(f"    - permissions.defaultMode: `{m}`")' "$f" >>"$summary" 2>/dev/null
done
for f in ~/.claude.json ~/.cursor/mcp.json; do
  [[ -f $f ]] || continue
  note "- \`$f\` MCP servers:"
  python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
def walk(o):
    if isinstance(o,dict):
        for k,v in o.items():
            if k=="mcpServers" and isinstance(v,dict):
                for n,s in v.items(): print(f"    - {n}: `{s.get(\"command\",\"\")} {\" \".join(s.get(\"args\",[]))[:100]}{s.get(\"url\",\"\")}`")
            else: walk(v)
walk(d)' "$f" >>"$summary" 2>/dev/null
done

if [[ $os == Darwin ]]; then
  section "launchd"
  for d in ~/Library/LaunchAgents /Library/LaunchAgents /Library/LaunchDaemons; do list_dir "$d"; done
  launchctl list 2>/dev/null | awk 'NR>1 && $3 !~ /^com\.apple\./ {print "    - loaded: `" $3 "`"}' >>"$summary"
  section "Login items"
  osascript -e 'tell application "System Events" to get the name of every login item' 2>/dev/null | sed 's/^/    /' >>"$summary"
  section "Configuration profiles"
  profiles list 2>/dev/null | sed 's/^/    /' >>"$summary" || note "(needs admin to list)"
else
  section "systemd"
  list_dir ~/.config/systemd/user
  list_dir /etc/systemd/system
  systemctl --user list-timers --all --no-pager 2>/dev/null | sed 's/^/    /' >>"$summary"
  section "XDG autostart"
  list_dir ~/.config/autostart
  list_dir /etc/xdg/autostart
  section "Loader and profile.d"
  [[ -s /etc/ld.so.preload ]] && note "- **/etc/ld.so.preload is not empty**: \`$(cat /etc/ld.so.preload)\`" || note "- /etc/ld.so.preload empty or absent"
  list_dir /etc/profile.d
fi

section "npm"
command -v npm >/dev/null && npm ls -g --depth=0 2>/dev/null | sed 's/^/    /' >>"$summary"
[[ -f ~/.npmrc ]] && sed -E 's/(=).*/\1<redacted>/' ~/.npmrc | sed 's/^/    - npmrc: `/; s/$/`/' >>"$summary"

echo "Report written to $summary"
