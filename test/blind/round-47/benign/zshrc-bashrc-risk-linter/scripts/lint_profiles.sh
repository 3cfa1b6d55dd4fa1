#!/usr/bin/env bash
# Read-only linter for shell start-up files.
set -uo pipefail

FOLLOW=0
files=()
for a in "$@"; do
  case "$a" in
    --follow) FOLLOW=1 ;;
    -h|--help) echo "usage: $0 [--follow] [FILE...]"; exit 0 ;;
    *) files+=("$a") ;;
  esac
done

if [[ ${#files[@]} -eq 0 ]]; then
  for f in ~/.bashrc ~/.bash_profile ~/.bash_login ~/.profile ~/.zshrc ~/.zshenv \
           ~/.zprofile ~/.zlogin ~/.config/fish/config.fish ~/.config/fish/conf.d/*.fish; do
    [[ -f "$f" ]] && files+=("$f")
  done
fi

found=0
report() { printf '%-6s %s:%s  %-15s %s\n' "$1" "$2" "$3" "$4" "$5"; found=$((found+1)); }

lint_file() {
  local f="$1" n=0 line
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n+1))
    [[ "$line" =~ ^[[:space:]]*# ]] && continue
    if [[ "$line" =~ (curl|wget|fetch)[^|]*\|[[:space:]]*(sudo[[:space:]]+)?(ba|z|da)?sh ]]; then
      report HIGH "$f" "$n" pipe-to-shell "$line"
    fi
    if [[ "$line" =~ (base64[[:space:]]+(-d|--decode)|xxd[[:space:]]+-r|openssl[[:space:]]+enc[[:space:]]+-d) ]] && \
       [[ "$line" =~ (eval|\|[[:space:]]*(ba|z)?sh|source|\.[[:space:]]) ]]; then
      report HIGH "$f" "$n" decode-exec "$line"
    fi
    if [[ "$line" =~ ^[[:space:]]*alias[[:space:]]+(sudo|ssh|scp|git|su|passwd|gpg|ls|cd)= ]]; then
      report HIGH "$f" "$n" shadow-alias "$line"
    fi
    if [[ "$line" =~ ^[[:space:]]*(function[[:space:]]+)?(sudo|ssh|git|su)[[:space:]]*\(\) ]]; then
      report HIGH "$f" "$n" shadow-alias "$line"
    fi
    if [[ "$line" =~ (PROMPT_COMMAND|precmd|preexec|trap[[:space:]].*DEBUG) ]] && \
       [[ "$line" =~ (curl|wget|nc[[:space:]]|/dev/tcp|/dev/udp) ]]; then
      report HIGH "$f" "$n" net-hook "$line"
    fi
    if [[ "$line" =~ PATH=.*(\$HOME|~)/(\.[A-Za-z0-9_-]+/)*\.[A-Za-z0-9_-]+ ]] && \
       ! [[ "$line" =~ (\.local/bin|\.cargo/bin|\.nvm|\.pyenv|\.rbenv|\.bun|\.deno|\.volta|\.asdf|\.npm-global|\.dotnet|\.krew|\.go/bin) ]]; then
      report MEDIUM "$f" "$n" path-hidden "$line"
    fi
    if [[ "$line" =~ PATH=.*(/tmp|/var/tmp|/dev/shm) ]]; then
      report MEDIUM "$f" "$n" path-tmp "$line"
    fi
    if [[ "$line" =~ (unset[[:space:]]+HISTFILE|HISTSIZE=0|HISTFILE=/dev/null) ]]; then
      report LOW "$f" "$n" history-off "$line"
    fi
    if [[ "$line" =~ export[[:space:]]+[A-Z_]*(TOKEN|SECRET|API_KEY|PASSWORD)[A-Z_]*=[\"\']?[A-Za-z0-9_/+-]{16,} ]]; then
      report LOW "$f" "$n" secret-inline "$(sed -E 's/=(.{4}).*/=\1…(redacted)/' <<<"$line")"
    fi
    if [[ $FOLLOW -eq 1 && "$line" =~ ^[[:space:]]*(source|\.)[[:space:]]+([^[:space:];]+) ]]; then
      local target="${BASH_REMATCH[2]}"
      target="${target/#\~/$HOME}"; target="${target//\$HOME/$HOME}"; target="${target//\"/}"
      if [[ -f "$target" && "$target" != "$f" ]]; then
        case "$target" in
          *nvm.sh|*cargo/env|*fzf*|*oh-my-zsh.sh|*/.p10k.zsh|*/google-cloud-sdk/*) ;;
          *) report MEDIUM "$f" "$n" unknown-source "$line" ;;
        esac
        lint_file "$target"
      fi
    fi
  done < "$f"
}

for f in "${files[@]}"; do lint_file "$f"; done
echo "-- $found finding(s) in ${#files[@]} file(s); nothing was modified."
