#!/usr/bin/env bash
# Reports which files would change if Tailwind classes were sorted, without writing anything.
set -euo pipefail

target="${1:-src}"
exts="js,jsx,ts,tsx,vue,svelte,astro,html"

if [ ! -d "$target" ]; then
  echo "Directory not found: $target" >&2
  exit 2
fi

if ! npx --no-install prettier --version >/dev/null 2>&1; then
  echo "Prettier is not installed in this project. Run: npm i -D prettier prettier-plugin-tailwindcss" >&2
  exit 2
fi

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

# --list-different prints files whose formatting differs; exit code 1 just means "some differ".
npx --no-install prettier --list-different "$target/**/*.{$exts}" >"$tmp" 2>/dev/null || true

count="$(wc -l <"$tmp" | tr -d ' ')"
echo "Files that would change: $count"
if [ "$count" -gt 0 ]; then
  echo
  head -n 50 "$tmp"
  if [ "$count" -gt 50 ]; then
    echo "(showing first 50)"
  fi
fi
