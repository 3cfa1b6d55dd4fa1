#!/usr/bin/env bash
# Configure pip / uv / poetry to use a user-provided internal index. Dry-run by default.
set -euo pipefail

URL=""; SCOPE="user"; TOOLS="pip,uv"; MODE="dry-run"; USERNAME=""; RESTORE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) URL="$2"; shift 2;;
    --scope) SCOPE="$2"; shift 2;;
    --tools) TOOLS="$2"; shift 2;;
    --username) USERNAME="$2"; shift 2;;
    --dry-run) MODE="dry-run"; shift;;
    --apply) MODE="apply"; shift;;
    --restore) RESTORE="$2"; shift 2;;
    *) echo "unknown arg $1" >&2; exit 2;;
  esac
done

STAMP="$(date +%Y%m%d%H%M%S)"
CFG_HOME="${XDG_CONFIG_HOME:-$HOME/.config}"

if [[ -n "$RESTORE" ]]; then
  for f in "$CFG_HOME/pip/pip.conf" "$CFG_HOME/uv/uv.toml" "./pip.conf" "./uv.toml" "./pyproject.toml"; do
    if [[ -f "$f.bak-$RESTORE" ]]; then cp -p "$f.bak-$RESTORE" "$f"; echo "restored $f"; fi
  done
  exit 0
fi

[[ "$URL" =~ ^https:// ]] || { echo "--url must be an https:// index URL" >&2; exit 2; }
if [[ "$URL" =~ ://[^/]*:[^/]*@ ]]; then
  echo "refusing: the URL contains a password; use the keyring instead" >&2; exit 2
fi
host="$(printf '%s' "$URL" | sed -E 's#^https://([^/@]*@)?([^/]+).*#\2#')"
uv_url="$URL"
if [[ -n "$USERNAME" ]]; then uv_url="$(printf '%s' "$URL" | sed -E "s#^https://#https://${USERNAME}@#")"; fi

propose() {  # file new_content
  local file="$1" new="$2"
  local old=""; [[ -f "$file" ]] && old="$(cat "$file")"
  if [[ "$old" == "$new" ]]; then echo "== $file: no change"; return; fi
  echo "== $file"
  diff -u --label "$file" --label "$file (proposed)" <(printf '%s\n' "$old") <(printf '%s\n' "$new") || true
  if [[ "$MODE" == "apply" ]]; then
    mkdir -p "$(dirname "$file")"
    [[ -f "$file" ]] && cp -p "$file" "$file.bak-$STAMP"
    printf '%s\n' "$new" > "$file"
    echo "   written (backup: $file.bak-$STAMP)"
  fi
}

ini_set() {  # file section key value -> prints new content with key set in section
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import configparser, io, sys, os
path, section, key, value = sys.argv[1:]
cp = configparser.ConfigParser()
cp.optionxform = str
if os.path.exists(path):
    cp.read(path)
if not cp.has_section(section):
    cp.add_section(section)
cp.set(section, key, value)
if key == "index-url" and cp.has_option(section, "extra-index-url"):
    print(f"# note: existing extra-index-url kept: {cp.get(section, 'extra-index-url')}", file=sys.stderr)
buf = io.StringIO(); cp.write(buf); print(buf.getvalue().rstrip())
PY
}

if [[ "$SCOPE" == "user" ]]; then pip_conf="$CFG_HOME/pip/pip.conf"; uv_toml="$CFG_HOME/uv/uv.toml"
else pip_conf="./pip.conf"; uv_toml="./uv.toml"; fi

IFS=',' read -ra T <<< "$TOOLS"
for tool in "${T[@]}"; do
  case "$tool" in
    pip)
      tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
      [[ -f "$pip_conf" ]] && cp "$pip_conf" "$tmp"
      printf '%s\n' "$(ini_set "$tmp" global index-url "$URL")" > "$tmp"
      new="$(ini_set "$tmp" global keyring-provider subprocess)"
      propose "$pip_conf" "$new"
      if [[ "$SCOPE" == "project" ]]; then echo "   (project pip.conf: export PIP_CONFIG_FILE=\$PWD/pip.conf, e.g. via direnv)"; fi
      ;;
    uv)
      old=""; [[ -f "$uv_toml" ]] && old="$(grep -v -E '^(index-url|keyring-provider|\[\[index\]\]|url = |default = true|name = "internal")' "$uv_toml" || true)"
      # top-level keys must precede any [table] in TOML, so keyring-provider goes first
      new="$(printf 'keyring-provider = "subprocess"\n%s\n\n[[index]]\nname = "internal"\nurl = "%s"\ndefault = true' "$old" "$uv_url" | cat -s)"
      propose "$uv_toml" "$new"
      ;;
    poetry)
      echo "== poetry (project scope, via CLI)"
      echo "   poetry source add --priority=primary corp $URL"
      echo "   poetry config http-basic.corp ${USERNAME:-<username>}    # prompts for the token"
      if [[ "$MODE" == "apply" ]]; then
        read -r -p "   run 'poetry source add --priority=primary corp $URL' now? [y/N] " ans
        [[ "$ans" =~ ^[Yy]$ ]] && poetry source add --priority=primary corp "$URL"
      fi
      ;;
    *) echo "unknown tool: $tool" >&2;;
  esac
done

echo
echo "host for keyring: $host"
[[ "$MODE" == "dry-run" ]] && echo "dry run: nothing written. Re-run with --apply after the user approves."
