#!/usr/bin/env bash
# Starting-point grep for filesystem check/use pairs. Review every hit by hand.
set -euo pipefail
root="${1:-.}"
rg_opts=(--line-number --no-heading --color=never -g '!**/node_modules/**' -g '!**/vendor/**' -g '!**/.git/**')

section() { printf '\n== %s ==\n' "$1"; }

section "C/C++ check-then-use and path-based metadata calls"
rg "${rg_opts[@]}" -t c -t cpp '\b(access|stat|lstat|realpath|mktemp|tmpnam|chmod|chown|lchown|utime|unlink|rename)\s*\(' "$root" || true

section "Python"
rg "${rg_opts[@]}" -t py 'os\.(access|path\.(exists|isfile|islink|realpath)|chmod|chown|remove|rename)\(|tempfile\.mktemp\(|shutil\.(rmtree|copy|move|chown)\(' "$root" || true

section "Go"
rg "${rg_opts[@]}" -t go 'os\.(Stat|Lstat|Chmod|Chown|Create|Remove|RemoveAll|Rename)\(|filepath\.EvalSymlinks\(|"/tmp/' "$root" || true

section "Rust"
rg "${rg_opts[@]}" -t rust 'fs::(metadata|symlink_metadata|set_permissions|remove_dir_all|rename|canonicalize)\(|\.exists\(\)' "$root" || true

section "Node"
rg "${rg_opts[@]}" -t js -t ts 'fs\.(existsSync|exists|statSync|chmod|chown|rm|rmSync|rename|realpath)' "$root" || true

section "Shell (privileged scripts)"
rg "${rg_opts[@]}" -t sh 'chown -R|chmod -R|rm -rf|/tmp/[A-Za-z]' "$root" || true
