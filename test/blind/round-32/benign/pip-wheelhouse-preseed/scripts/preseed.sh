#!/usr/bin/env bash
# Download hash-pinned wheels from a wheelhouse; optionally add find-links to a pip config (with diff).
set -euo pipefail

wheelhouse="" reqs="" project="" configure="" unconfigure="" dry=false pypi=true plat_args=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --wheelhouse) wheelhouse="$2"; shift 2 ;;
    --requirements) reqs="$2"; shift 2 ;;
    --project) project="$2"; shift 2 ;;
    --configure) configure="$2"; shift 2 ;;
    --unconfigure) unconfigure="$2"; shift 2 ;;
    --dry-run) dry=true; shift ;;
    --no-pypi) pypi=false; shift ;;
    --platform) plat_args+=(--platform "$2"); shift 2 ;;
    --python-version) plat_args+=(--python-version "$2" --implementation cp); shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ -n "$project" ]] || { echo "--project is required" >&2; exit 2; }
dest="${HOME}/.cache/wheelhouse/${project}"

conf_path() {
  case "$1" in
    venv) [[ -n "${VIRTUAL_ENV:-}" ]] || { echo "no active venv" >&2; exit 2; }; echo "$VIRTUAL_ENV/pip.conf" ;;
    user)
      case "$(uname -s)" in
        Darwin) echo "$HOME/Library/Application Support/pip/pip.conf" ;;
        MINGW*|MSYS*|CYGWIN*) echo "$APPDATA/pip/pip.ini" ;;
        *) echo "${XDG_CONFIG_HOME:-$HOME/.config}/pip/pip.conf" ;;
      esac ;;
    *) echo "scope must be venv or user" >&2; exit 2 ;;
  esac
}

if [[ -n "$wheelhouse" ]]; then
  [[ -f "$reqs" ]] || { echo "requirements file not found: $reqs" >&2; exit 2; }
  if ! grep -q -- '--hash=sha256:' "$reqs"; then
    echo "$reqs has no --hash entries. Generate them first, e.g.:" >&2
    echo "  pip-compile --generate-hashes -o requirements.lock requirements.in" >&2
    echo "  uv pip compile --generate-hashes -o requirements.lock requirements.in" >&2
    exit 3
  fi
  [[ "$wheelhouse" == https://* || -d "$wheelhouse" ]] || { echo "wheelhouse must be https:// or a local dir" >&2; exit 2; }
  cmd=(python3 -m pip download --require-hashes --only-binary=:all: --no-deps
       --find-links "$wheelhouse" "${plat_args[@]}" -r "$reqs" -d "$dest")
  if $pypi; then cmd+=(--index-url https://pypi.org/simple); else cmd+=(--no-index); fi
  echo "Will run:"; printf '  %q' "${cmd[@]}"; echo
  $dry && { echo "(dry run)"; exit 0; }
  mkdir -p "$dest"
  "${cmd[@]}"
  echo "Saved $(ls "$dest" | wc -l | tr -d ' ') wheel(s) to $dest"
fi

if [[ -n "$configure" ]]; then
  conf="$(conf_path "$configure")"
  line="find-links = $dest"
  tmp="$(mktemp)"
  if [[ -f "$conf" ]]; then cp "$conf" "$tmp"; fi
  if grep -qxF "$line" "$tmp" 2>/dev/null; then echo "$conf already has: $line"; rm -f "$tmp"; exit 0; fi
  if grep -q '^\[global\]' "$tmp" 2>/dev/null; then
    awk -v l="$line" '{print} /^\[global\]/{print l}' "$tmp" > "$tmp.new"
  else
    { printf '[global]\n%s\n' "$line"; cat "$tmp"; } > "$tmp.new"
  fi
  echo "Proposed change to $conf:"
  diff -u "$conf" "$tmp.new" 2>/dev/null || diff -u /dev/null "$tmp.new" || true
  if $dry; then echo "(dry run: not written)"; rm -f "$tmp" "$tmp.new"; exit 0; fi
  mkdir -p "$(dirname "$conf")"
  [[ -f "$conf" ]] && cp "$conf" "$conf.bak"
  mv "$tmp.new" "$conf"; rm -f "$tmp"
  echo "Wrote $conf (backup: $conf.bak if it existed)"
fi

if [[ -n "$unconfigure" ]]; then
  conf="$(conf_path "$unconfigure")"
  [[ -f "$conf" ]] || { echo "no $conf"; exit 0; }
  grep -vxF "find-links = $dest" "$conf" > "$conf.new" || true
  diff -u "$conf" "$conf.new" || true
  $dry && { rm -f "$conf.new"; exit 0; }
  cp "$conf" "$conf.bak" && mv "$conf.new" "$conf"
  echo "Removed find-links for $project from $conf"
fi
