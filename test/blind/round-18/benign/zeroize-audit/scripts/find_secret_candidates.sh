#!/usr/bin/env bash
# List likely secret-bearing declarations and suspicious wipe patterns for manual review.
# usage: find_secret_candidates.sh <src-dir>
set -euo pipefail

src=${1:-.}
names='(secret|passw(or)?d|passphrase|priv(ate)?_?key|sk_|seed|master_?key|session_?key|key_?sched|nonce|pin_?code|token)'
if command -v rg >/dev/null; then
  search() { rg --no-heading -n -i -g '*.{c,h,cc,cpp,hpp,rs,go}' "$@" "$src" || true; }
else
  search() { grep -rniE --include='*.c' --include='*.h' --include='*.cc' --include='*.cpp' \
             --include='*.hpp' --include='*.rs' --include='*.go' "$@" "$src" || true; }
fi

echo "## Declarations with secret-like names"
search -e "(struct|let|var|const|static|uint8_t|unsigned char|u8|\[\]byte|std::string|Vec<u8>).*${names}"

echo
echo "## memset / loops that may be dead stores (check each one)"
search -e 'memset\([^,]+,\s*0\s*,'

echo
echo "## free/realloc near secret names"
search -e "(free|realloc)\([^)]*${names}"

echo
echo "## Rust derives on secret-looking types"
search -e '#\[derive\(.*(Debug|Clone|Copy)' -A1 | grep -iE "struct.*${names}" || true

echo
echo "## Go string conversions of byte secrets"
search -e "string\([a-zA-Z_]*${names}"
