#!/usr/bin/env bash
# Print a diffable fingerprint of the current build environment.
# Environment variable VALUES are never printed, only names.
set -u

section() { printf '\n## %s\n' "$1"; }
ver() { command -v "$1" >/dev/null 2>&1 && printf '%-8s %s\n' "$1" "$("$@" 2>&1 | head -n1)"; }

section system
uname -srm
printf 'shell    %s\n' "${SHELL:-unknown}"
printf 'cpus     %s\n' "$(getconf _NPROCESSORS_ONLN 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null)"

section tools
ver node --version
ver npm --version
ver pnpm --version
ver yarn --version
ver python3 --version
ver uv --version
ver go version
ver rustc --version
ver java -version
ver docker --version
ver git --version

section locale
printf 'LANG=%s\nLC_ALL=%s\nTZ=%s\n' "${LANG:-}" "${LC_ALL:-}" "${TZ:-}"
printf 'date     %s\n' "$(date +%Z%z)"
printf 'umask    %s\n' "$(umask)"
printf 'nofile   %s\n' "$(ulimit -n)"

section filesystem
tmp=$(mktemp -d ./.fp.XXXX)
touch "$tmp/a"
if [ -e "$tmp/A" ]; then echo "case-insensitive"; else echo "case-sensitive"; fi
rm -rf "$tmp"

section lockfiles
for f in package-lock.json pnpm-lock.yaml yarn.lock uv.lock poetry.lock Cargo.lock go.sum; do
  [ -f "$f" ] && printf '%-18s %s\n' "$f" "$( (sha256sum "$f" 2>/dev/null || shasum -a 256 "$f") | cut -c1-16)"
done

section env-names
env | cut -d= -f1 | grep -vE '^(_|PWD|OLDPWD|SHLVL)$' | sort
