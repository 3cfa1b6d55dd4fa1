#!/usr/bin/env bash
# Show effective pip/uv index configuration with credentials masked, and warn about risky settings.
set -uo pipefail

mask() { sed -E 's#(https?://)[^:/@ ]+:[^@ ]+@#\1****:****@#g'; }
warn=0

echo "== pip config"
if command -v pip >/dev/null; then
  pip config list 2>/dev/null | mask
  pip config debug 2>/dev/null | grep -E '^ *(/|~).*exists: True' | sed 's/^/  file: /'
fi
for v in PIP_INDEX_URL PIP_EXTRA_INDEX_URL; do
  [[ -n ${!v:-} ]] && echo "$v=$(printf '%s' "${!v}" | mask)"
done

echo
echo "== uv config"
for f in pyproject.toml uv.toml "${XDG_CONFIG_HOME:-$HOME/.config}/uv/uv.toml"; do
  [[ -f $f ]] || continue
  if grep -qE '^\[\[tool\.uv\.index\]\]|^\[\[index\]\]' "$f"; then
    echo "-- $f"
    awk '/^\[\[(tool\.uv\.)?index\]\]/{p=1} /^\[/{if($0 !~ /index\]\]/) p=0} p' "$f" | mask
  fi
done
env | grep -E '^UV_(INDEX|DEFAULT_INDEX|EXTRA_INDEX)' | sed -E 's/(PASSWORD|TOKEN)=.*/\1=****/' | mask

echo
echo "== checks"
cfg_files=$(pip config debug 2>/dev/null | awk '/exists: True/{print $1}' | tr -d ':')
for f in $cfg_files requirements*.txt pyproject.toml uv.toml; do
  [[ -f $f ]] || continue
  if grep -qiE 'extra-index-url|extra_index_url' "$f"; then echo "WARN $f uses extra-index-url (dependency confusion risk)"; warn=1; fi
  if grep -qE 'https?://[^:/@ ]+:[^@ ]+@' "$f"; then echo "WARN $f contains credentials in a URL"; warn=1; fi
  if grep -qE 'index-url *= *http://|url *= *"http://' "$f"; then echo "WARN $f uses a plain-http index"; warn=1; fi
done
[[ -n ${PIP_EXTRA_INDEX_URL:-} ]] && { echo "WARN PIP_EXTRA_INDEX_URL is set"; warn=1; }
[[ $warn == 0 ]] && echo "no problems found"
exit $warn
