#!/usr/bin/env bash
# Print a diffable description of this environment. Secret values are never printed:
# environment variables appear by name only, except for an allowlist of harmless ones.
set -uo pipefail

section() { printf '\n== %s ==\n' "$1"; }
ver() { command -v "$1" >/dev/null 2>&1 && printf '%-10s %s\n' "$1" "$("$@" 2>&1 | head -1)"; }

section "system"
uname -srm
[ -r /etc/os-release ] && . /etc/os-release && echo "$PRETTY_NAME"
command -v sw_vers >/dev/null && sw_vers | tr '\n' ' ' && echo
echo "cpus: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo ?)"
echo "date: $(date +%z) (TZ=${TZ:-unset})"
locale 2>/dev/null | grep -E '^(LANG|LC_ALL|LC_CTYPE|LC_COLLATE|LC_NUMERIC)='

section "tools"
ver git --version
ver python3 --version
ver node --version
ver npm --version
ver pnpm --version
ver go version
ver java -version
ver ruby --version
ver rustc --version
ver docker --version
ver psql --version

section "environment (names; values only for allowlisted)"
allow='^(LANG|LC_[A-Z]+|TZ|SHELL|TERM|CI|NODE_ENV|RAILS_ENV|APP_ENV|FLASK_ENV|DJANGO_SETTINGS_MODULE|PYTHONHASHSEED|GOFLAGS|GOOS|GOARCH|JAVA_HOME|VIRTUAL_ENV)$'
env | cut -d= -f1 | sort -u | while read -r name; do
  case "$name" in _|PWD|OLDPWD|SHLVL|HOME|USER|LOGNAME|PATH) continue;; esac
  if [[ "$name" =~ $allow ]]; then
    printf '%s=%s\n' "$name" "${!name}"
  else
    printf '%s=<set>\n' "$name"
  fi
done
echo "PATH entries:"; tr ':' '\n' <<<"$PATH" | sed 's/^/  /'

section "project dependencies (resolved)"
[ -f package-lock.json ] && command -v npm >/dev/null && npm ls --depth=0 2>/dev/null | tail -n +2
[ -f pnpm-lock.yaml ] && command -v pnpm >/dev/null && pnpm ls --depth=0 2>/dev/null
if [ -f requirements.txt ] || [ -f pyproject.toml ]; then python3 -m pip freeze 2>/dev/null | sort; fi
[ -f go.mod ] && command -v go >/dev/null && go list -m all 2>/dev/null | head -200
[ -f Gemfile.lock ] && sed -n '/^GEM/,/^$/p' Gemfile.lock | grep -E '^    [a-z]' | sort
exit 0
