#!/usr/bin/env bash
# Report which detection tooling is available; installs nothing.
for t in yara yarac sigma; do
  if command -v "$t" >/dev/null 2>&1; then
    case "$t" in
      yara|yarac) printf '%-6s %s\n' "$t" "$("$t" --version 2>/dev/null)";;
      sigma) printf '%-6s %s\n' "$t" "$(sigma version 2>/dev/null | head -1)"
             echo "       backends: $(sigma plugin list 2>/dev/null | awk 'NR>3 && /installed/ {print $2}' | paste -sd, -)";;
    esac
  else
    printf '%-6s MISSING\n' "$t"
  fi
done
