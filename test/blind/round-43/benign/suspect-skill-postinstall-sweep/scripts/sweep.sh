#!/usr/bin/env bash
# Read-only post-install sweep for a suspect agent skill. Prints Markdown to stdout.
set -euo pipefail

usage() { echo "usage: $0 <skill-dir-or-name> [--since 'YYYY-MM-DD HH:MM']" >&2; exit 64; }
[[ $# -ge 1 ]] || usage
target=$1; shift
since=""
while [[ $# -gt 0 ]]; do
  case $1 in --since) since=$2; shift 2;; *) usage;; esac
done

if [[ -d $target ]]; then skill_dir=$target
else
  for base in "$HOME/.claude/skills" "./.claude/skills" "$HOME/.claude/plugins"; do
    [[ -d $base/$target ]] && skill_dir=$base/$target && break
  done
fi
[[ -n ${skill_dir:-} ]] || { echo "skill not found: $target" >&2; exit 66; }
name=$(basename "$skill_dir")

if [[ -z $since ]]; then
  since=$(find "$skill_dir" -type f -printf '%T@\n' 2>/dev/null | sort -n | head -1 | cut -d. -f1)
  since=$(date -d "@${since:-0}" '+%Y-%m-%d %H:%M' 2>/dev/null || date -r "${since:-0}" '+%Y-%m-%d %H:%M')
fi
stamp=$(mktemp); trap 'rm -f "$stamp"' EXIT
touch -d "$since" "$stamp" 2>/dev/null || touch -t "$(date -j -f '%Y-%m-%d %H:%M' "$since" '+%Y%m%d%H%M' 2>/dev/null)" "$stamp"

mask() { sed -E 's/(gh[pousr]_|github_pat_|sk-|hf_|AKIA|xox[bp]-)[A-Za-z0-9_-]{6,}/\1****/g'; }
PATTERNS='curl[^|]*\|\s*(ba)?sh|wget[^|]*\|\s*(ba)?sh|base64 -(d|D|-decode)[^|]*\|\s*(ba)?sh|iex\(|Invoke-Expression|FromBase64String|xattr -d com\.apple\.quarantine|\.ssh/|\.aws/credentials|gcloud|\.kube/config|\.npmrc|\.git-credentials|Login Data|Keychains|pastebin|rentry|glot\.io|password.{0,20}(zip|archive)'

echo "# Post-install sweep: \`$name\`"
echo
echo "- Skill folder: \`$skill_dir\`"
echo "- Looking at changes since: **$since**"
echo "- Host: $(hostname), user: $(id -un), generated $(date '+%Y-%m-%d %H:%M')"
echo

echo "## 1. Skill inventory"
echo
echo '| sha256 (12) | size | path |'
echo '|---|---|---|'
find "$skill_dir" -type f -print0 | sort -z | while IFS= read -r -d '' f; do
  h=$( (sha256sum "$f" 2>/dev/null || shasum -a 256 "$f") | cut -c1-12)
  s=$(wc -c <"$f" | tr -d ' ')
  echo "| $h | $s | \`${f#"$skill_dir"/}\` |"
done
echo

echo "## 2. Static indicators in the skill"
echo
echo '```'
grep -rnEI "$PATTERNS" "$skill_dir" 2>/dev/null | mask | cut -c1-220 || echo "(none)"
echo '```'
echo

echo "## 3. Commands the agent ran (Claude Code transcripts)"
echo
proj="$HOME/.claude/projects"
if [[ -d $proj ]] && command -v python3 >/dev/null; then
  find "$proj" -name '*.jsonl' -newer "$stamp" -print0 | xargs -0 -r grep -l -- "$name" 2>/dev/null |
  python3 - "$PATTERNS" <<'PY' | mask
import json, re, sys
pat = re.compile(sys.argv[1])
print("| session | flagged | command |\n|---|---|---|")
for path in sys.stdin.read().split():
    for line in open(path, encoding="utf-8", errors="replace"):
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        msg = rec.get("message") or {}
        for part in msg.get("content", []) if isinstance(msg.get("content"), list) else []:
            if part.get("type") == "tool_use" and part.get("name") == "Bash":
                cmd = str(part.get("input", {}).get("command", "")).replace("\n", " ").replace("|", "\\|")
                flag = "**yes**" if pat.search(cmd.replace("\\|", "|")) else ""
                print(f"| {path.rsplit('/',1)[-1][:12]} | {flag} | `{cmd[:180]}` |")
PY
else
  echo "_No transcripts found at $proj._"
fi
echo

echo "## 4. Persistence locations changed since install"
echo
echo '```'
for p in ~/.bashrc ~/.bash_profile ~/.profile ~/.zshrc ~/.zprofile ~/.config/fish/config.fish \
         ~/.ssh/authorized_keys ~/.ssh/config ~/.claude/settings.json ~/.claude.json ~/.gitconfig; do
  [[ -e $p && $p -nt $stamp ]] && echo "modified: $p"
done
for d in ~/.config/autostart ~/Library/LaunchAgents ~/.config/systemd/user ~/.local/bin; do
  [[ -d $d ]] && find "$d" -maxdepth 2 -newer "$stamp" -type f -printf 'new/changed: %p\n' 2>/dev/null
done
crontab -l 2>/dev/null | sed 's/^/crontab: /' | mask || true
git config --global --get core.hooksPath 2>/dev/null | sed 's/^/git core.hooksPath: /' || true
if [[ -f ~/.claude/settings.json ]] && command -v python3 >/dev/null; then
  python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print("claude hooks:",list((d.get("hooks") or {}).keys()))' ~/.claude/settings.json
fi
echo '```'
echo
echo "## 5. Next steps"
echo
echo "See references/indicators.md for the rotation checklist. Preserve the skill folder as evidence before removing it."
