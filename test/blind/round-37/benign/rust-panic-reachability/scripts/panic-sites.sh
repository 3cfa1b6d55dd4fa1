#!/usr/bin/env bash
# List potential panic sites in Rust sources as TSV: location, kind, code.
# Usage: panic-sites.sh [dir]   (default: src)
set -euo pipefail
dir="${1:-src}"
command -v rg >/dev/null || { echo "needs ripgrep (rg)" >&2; exit 1; }

emit() { # kind regex
  rg --no-heading -n --type rust -e "$2" "$dir" \
    | grep -v '^\s*//' \
    | awk -v kind="$1" -F: '{ loc=$1":"$2; $1=""; $2=""; sub(/^  */, ""); gsub(/\t/, " "); print loc "\t" kind "\t" $0 }'
}

printf 'location\tkind\tcode\n'
emit unwrap   '\.unwrap\(\)|\.expect\('
emit index    '\w\[[^\]]*\.\.[^\]]*\]|\w\[[a-z_][a-z0-9_]*( [+-] [a-z0-9_]+)?\]'
emit div      '[^/]/ [a-z_][a-z0-9_.]*|% [a-z_][a-z0-9_.]*'
emit convert  'try_into\(\)\.unwrap|try_from\([^)]*\)\.unwrap| as (u8|u16|u32|i8|i16|i32|usize)\b'
emit refcell  '\.borrow_mut\(\)|\.borrow\(\)'
emit explicit '\b(panic|unreachable|todo|unimplemented)!\(|\bassert(_eq|_ne)?!\('
emit alloc    'with_capacity\(|vec!\[[^;\]]+; *[a-z_]'
