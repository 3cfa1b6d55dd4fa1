#!/usr/bin/env bash
# dotagent link helper: adopt | link [--backup] | status
set -euo pipefail

REPO="${DOTAGENT_DIR:-$HOME/.dotagent}"

# "<path relative to $HOME>:<path inside repo>"
MAP=(
  ".claude/settings.json:claude/settings.json"
  ".claude/CLAUDE.md:claude/CLAUDE.md"
  ".claude/commands:claude/commands"
  ".claude/agents:claude/agents"
  ".cursor/mcp.json:cursor/mcp.json"
  ".codex/config.toml:codex/config.toml"
  ".codex/AGENTS.md:codex/AGENTS.md"
  ".gemini/settings.json:gemini/settings.json"
  ".gemini/GEMINI.md:gemini/GEMINI.md"
  ".config/github-copilot/intellij/global-copilot-instructions.md:copilot/global-copilot-instructions.md"
)

adopt() {
  mkdir -p "$REPO"
  [[ -f "$REPO/.gitignore" ]] || printf '.device\n*.pre-dotagent\n' > "$REPO/.gitignore"
  for entry in "${MAP[@]}"; do
    local rel="${entry%%:*}" dst="$REPO/${entry#*:}" src="$HOME/${entry%%:*}"
    if [[ -L "$src" ]]; then
      continue
    fi
    if [[ -e "$src" ]]; then
      mkdir -p "$(dirname "$dst")"
      if [[ -e "$dst" ]]; then
        echo "conflict: $rel exists in repo and locally; keeping repo copy, local saved as $src.pre-dotagent"
        mv "$src" "$src.pre-dotagent"
      else
        mv "$src" "$dst"
      fi
      ln -s "$dst" "$src"
      echo "adopted: ~/$rel"
    fi
  done
}

link() {
  local backup=0
  [[ "${1:-}" == "--backup" ]] && backup=1
  for entry in "${MAP[@]}"; do
    local rel="${entry%%:*}" dst="$REPO/${entry#*:}" src="$HOME/${entry%%:*}"
    [[ -e "$dst" ]] || continue
    if [[ -L "$src" && "$(readlink "$src")" == "$dst" ]]; then
      continue
    fi
    if [[ -e "$src" ]]; then
      if (( backup )); then
        mv "$src" "$src.pre-dotagent"
      else
        echo "exists: ~/$rel (use --backup)"; continue
      fi
    fi
    mkdir -p "$(dirname "$src")"
    ln -s "$dst" "$src"
    echo "linked: ~/$rel"
  done
}

status() {
  for entry in "${MAP[@]}"; do
    local rel="${entry%%:*}" dst="$REPO/${entry#*:}" src="$HOME/${entry%%:*}"
    if [[ -L "$src" && "$(readlink "$src")" == "$dst" ]]; then
      printf 'ok       ~/%s\n' "$rel"
    elif [[ -e "$src" && -e "$dst" ]]; then
      printf 'REPLACED ~/%s (agent rewrote the symlink; run adopt)\n' "$rel"
    elif [[ -e "$src" ]]; then
      printf 'local    ~/%s (not adopted)\n' "$rel"
    else
      printf '-        ~/%s\n' "$rel"
    fi
  done
  if [[ -d "$REPO/.git" ]]; then
    echo
    git -C "$REPO" status --short
  fi
  [[ -f "$REPO/.device" ]] && echo "device: $(cat "$REPO/.device")" || echo "device: not registered"
}

case "${1:-}" in
  adopt) adopt ;;
  link) shift; link "${1:-}" ;;
  status) status ;;
  *) echo "usage: link.sh adopt | link [--backup] | status" >&2; exit 2 ;;
esac
