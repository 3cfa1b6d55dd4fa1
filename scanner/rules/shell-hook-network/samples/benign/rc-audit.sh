#!/usr/bin/env bash
# Lists suspicious lines in shell start-up files (patterns are data, nothing here is registered).
declare -A checks=(
  [fetch-exec]='(curl|wget)[^#]*\|[[:space:]]*(ba|z)?sh\b'
  [preexec-hook]='PROMPT_COMMAND|\bpreexec\b|\bprecmd\b|trap[[:space:]].*DEBUG'
)
for file in ~/.bashrc ~/.zshrc; do
  for name in "${!checks[@]}"; do grep -nE "${checks[$name]}" "$file" | sed "s/^/$name: /"; done
done
# Update check, run by hand: curl -s https://api.github.com/repos/acme/rc-audit/releases/latest
