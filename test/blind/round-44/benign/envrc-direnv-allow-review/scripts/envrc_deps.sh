#!/usr/bin/env bash
# List what an .envrc pulls in, without executing it.
set -euo pipefail
file="${1:-.envrc}"
[[ -f "$file" ]] || { echo "no such file: $file" >&2; exit 1; }
dir="$(cd "$(dirname "$file")" && pwd)"

echo "== directives in $file"
grep -nE '^\s*(source_env|source_env_if_exists|source_up|source_url|dotenv|dotenv_if_exists|use|layout|watch_file|PATH_add|path_add|export|eval|curl|wget|base64|nohup|\.)\b' "$file" || true

echo
echo "== referenced local files"
grep -oE '(source_env(_if_exists)?|dotenv(_if_exists)?|watch_file|PATH_add)\s+[^ ;#]+' "$file" \
  | awk '{print $2}' | while read -r ref; do
    ref="${ref%\"}"; ref="${ref#\"}"
    target="$dir/$ref"
    if [[ -d "$target" ]]; then
      echo "dir  $ref"
      for b in git ssh sudo npm node python python3 pip docker kubectl aws gh; do
        [[ -e "$target/$b" ]] && echo "     ! shadows system tool: $ref/$b"
      done
    elif [[ -f "$target" ]]; then
      echo "file $ref ($(wc -l < "$target") lines)"
    else
      echo "miss $ref"
    fi
  done

echo
echo "== remote sources (not fetched)"
grep -nE 'source_url|https?://' "$file" || echo "none"

echo
echo "== quick red-flag grep"
grep -nE 'curl|wget|\| *(ba)?sh|base64 (-d|--decode)|eval |nohup|&\s*$|~/\.ssh|~/\.aws|\.npmrc|\.git-credentials|crontab|LaunchAgents|systemctl --user' "$file" || echo "none"
