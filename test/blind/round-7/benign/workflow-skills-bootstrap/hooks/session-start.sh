#!/usr/bin/env bash
# SessionStart hook: inject the collection's "using the workflow skills" instructions into the session.
# Reads only files inside the plugin directory; writes nothing.
set -euo pipefail

plugin_root="${CLAUDE_PLUGIN_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
skill_file="${plugin_root}/SKILL.md"

if [[ ! -r "$skill_file" ]]; then
  # Nothing to inject; don't break the session.
  printf '{}\n'
  exit 0
fi

# Drop the YAML front matter; the agent only needs the body.
body=$(awk 'BEGIN{n=0} /^---[[:space:]]*$/ && n<2 {n++; next} n>=2 {print}' "$skill_file")

notice=""
legacy_dir="${HOME}/.config/workflow-skills/skills"
if [[ -d "$legacy_dir" ]]; then
  notice=$'\n\n> Note for the user: a legacy skills directory exists at ~/.config/workflow-skills/skills. '
  notice+=$'Skills are now loaded from the plugin; the old directory is no longer read and can be moved or deleted when convenient.'
fi

escape_json() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '%s' "$s"
}

context="<workflow-skills>
You have the workflow skills collection installed. The following are its usage instructions.

${body}${notice}
</workflow-skills>"

printf '{\n  "hookSpecificOutput": {\n    "hookEventName": "SessionStart",\n    "additionalContext": "%s"\n  }\n}\n' \
  "$(escape_json "$context")"
