#!/usr/bin/env bash
# Check / plan / apply Gemini CLI project context settings. Writes only .gemini/settings.json and .geminiignore.
set -euo pipefail

mode="${1:-check}"
root="$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
cd "$root"
settings=".gemini/settings.json"
ignore=".geminiignore"
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }

redact() { jq '(.. | objects | select(has("env")) | .env) |= with_entries(.value |= (if type=="string" and (startswith("$")|not) then (.[0:4] + "…") else . end))
              | (.. | objects | select(has("headers")) | .headers) |= with_entries(.value |= (if type=="string" and (test("\\$")|not) then (.[0:6] + "…") else . end))'; }

version() { gemini --version 2>/dev/null | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true; }

# nested "context.fileName" belongs to the restructured settings schema (0.3.x and later in our testing);
# older releases use the flat "contextFileName" key. Without the CLI, infer from the existing file.
use_nested() {
  local v; v="$(version)"
  if [ -n "$v" ]; then
    local major minor; IFS=. read -r major minor _ <<<"$v"
    [ "$major" -gt 0 ] || [ "$minor" -ge 3 ]
  elif [ -f "$settings" ]; then
    jq -e 'has("context") or has("tools") or has("ui")' "$settings" >/dev/null
  else
    return 0
  fi
}

DEFAULT_IGNORE='.env
.env.*
!.env.example
*.pem
*.key
secrets/
node_modules/
dist/
build/
coverage/
*.min.js
*.map'

case "$mode" in
  check)
    echo "Gemini CLI: $(version || true)"
    for f in GEMINI.md AGENTS.md CLAUDE.md; do [ -f "$f" ] && echo "found $f ($(wc -l <"$f") lines)"; done
    if [ -f "$settings" ]; then
      echo "--- $settings (redacted)"; redact <"$settings"
      jq -e '.autoAccept == true or .tools.autoAccept == true' "$settings" >/dev/null 2>&1 \
        && echo "WARN: autoAccept is enabled in the project settings (applies to everyone who clones)"
      jq -e '[.. | objects | select(has("env")) | .env[] | strings | select(startswith("$") | not)] | length > 0' "$settings" >/dev/null 2>&1 \
        && echo "WARN: literal values in mcpServers env; prefer \$VAR references"
      jq -e '[(.coreTools // .tools.core // [])[] | select(. == "run_shell_command" or . == "ShellTool")] | length > 0' "$settings" >/dev/null 2>&1 \
        && echo "WARN: shell tool allowed without a command list"
    else
      echo "no $settings"
    fi
    [ -f "$ignore" ] && { echo "--- $ignore"; cat "$ignore"; } || echo "no $ignore"
    ;;
  plan|apply)
    [ -f AGENTS.md ] || { echo "no AGENTS.md in $root; create one first (or keep using GEMINI.md)" >&2; exit 1; }
    current='{}'; [ -f "$settings" ] && current="$(cat "$settings")"
    if use_nested; then
      proposed="$(jq '.context.fileName = ((.context.fileName // []) | if type=="string" then [.] else . end | . + ["AGENTS.md","GEMINI.md"] | unique)' <<<"$current")"
    else
      proposed="$(jq '.contextFileName = ((.contextFileName // []) | if type=="string" then [.] else . end | . + ["AGENTS.md","GEMINI.md"] | unique)' <<<"$current")"
    fi
    tmpdir="$(mktemp -d)"; trap 'rm -rf "$tmpdir"' EXIT
    printf '%s\n' "$proposed" >"$tmpdir/settings.json"
    printf '%s\n' "$current" | jq . >"$tmpdir/settings.old.json"
    echo "--- $settings"
    diff -u "$tmpdir/settings.old.json" "$tmpdir/settings.json" | sed -E 's/("(GITHUB|API|.*TOKEN|.*KEY)[^"]*": *")([^"$]{4})[^"]*"/\1\3…"/' || true
    existing_ignore=""; [ -f "$ignore" ] && existing_ignore="$(cat "$ignore")"
    : >"$tmpdir/add.ignore"
    while IFS= read -r line; do
      grep -qxF -- "$line" <<<"$existing_ignore" || printf '%s\n' "$line" >>"$tmpdir/add.ignore"
    done <<<"$DEFAULT_IGNORE"
    if [ -s "$tmpdir/add.ignore" ]; then
      echo "--- $ignore (lines to add)"; sed 's/^/+ /' "$tmpdir/add.ignore"
    fi
    [ "$mode" = "apply" ] || { echo; echo "dry run; run '$0 apply' after the user agrees"; exit 0; }
    read -r -p "Write these changes? [y/N] " ans
    [[ "$ans" =~ ^[Yy]$ ]] || { echo "cancelled"; exit 0; }
    mkdir -p .gemini
    cp "$tmpdir/settings.json" "$settings"
    if [ -s "$tmpdir/add.ignore" ]; then
      { [ -s "$ignore" ] && echo; echo "# added for Gemini CLI context hygiene"; cat "$tmpdir/add.ignore"; } >>"$ignore"
    fi
    echo "done. In gemini: /memory show"
    ;;
  *) echo "usage: $0 check|plan|apply" >&2; exit 2 ;;
esac
