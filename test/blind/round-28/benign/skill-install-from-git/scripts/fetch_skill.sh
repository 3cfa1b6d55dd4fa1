#!/usr/bin/env bash
# Fetch (and optionally install/update) a skill folder from a git repo, pinned to a commit.
set -euo pipefail

mode="fetch"; scope=""; force=0
case "${1:-}" in
  --install) mode="install"; scope="$2"; shift 2 ;;
  --update) mode="update"; shift ;;
esac
[[ "${1:-}" == "--force" ]] && { force=1; shift; }

fetch() {  # repo subdir ref -> prints tmp dir on last line
  local repo="$1" sub="${2:-}" ref="${3:-}"
  local tmp; tmp="$(mktemp -d "${TMPDIR:-/tmp}/skill-fetch-XXXX")"
  git -c core.hooksPath=/dev/null clone --quiet --depth 1 --filter=blob:none --no-checkout \
      ${ref:+--branch "$ref"} "$repo" "$tmp/repo" 2>/dev/null \
    || git -c core.hooksPath=/dev/null clone --quiet --filter=blob:none --no-checkout "$repo" "$tmp/repo"
  if [[ -n "$sub" ]]; then
    git -C "$tmp/repo" sparse-checkout set --no-cone "/$sub/"
  fi
  if [[ -n "$ref" ]] && ! git -C "$tmp/repo" rev-parse -q --verify HEAD >/dev/null; then
    git -C "$tmp/repo" -c core.hooksPath=/dev/null checkout --quiet "$ref"
  else
    git -C "$tmp/repo" -c core.hooksPath=/dev/null checkout --quiet ${ref:+"$ref"} 2>/dev/null || \
      git -C "$tmp/repo" -c core.hooksPath=/dev/null checkout --quiet
  fi
  local src="$tmp/repo/${sub}"
  [[ -f "$src/SKILL.md" ]] || { echo "no SKILL.md in ${sub:-repo root}" >&2; exit 1; }
  local sha; sha="$(git -C "$tmp/repo" rev-parse HEAD)"
  echo "repo:   $repo"
  echo "path:   ${sub:-.}"
  echo "ref:    ${ref:-<default branch>}"
  echo "commit: $sha"
  echo "files:"
  (cd "$src" && find . -type f -not -path './.git/*' -exec ls -l {} \; | awk '{printf "  %8s  %s\n", $5, $9}')
  printf '%s\n%s\n' "$sha" "$src" > "$tmp/.result"
  echo "$tmp"
}

name_of() { awk -F': *' '/^name:/{print $2; exit}' "$1/SKILL.md"; }

write_source() {
  local dest="$1" repo="$2" sub="$3" ref="$4" sha="$5"
  cat > "$dest/.source.json" <<JSON
{"repo": "$repo", "path": "${sub:-.}", "ref": "${ref:-}", "commit": "$sha", "installed_at": "$(date -u +%FT%TZ)"}
JSON
}

case "$mode" in
  fetch)
    fetch "$@" | tee /dev/stderr | tail -n 1 >/dev/null
    ;;
  install)
    repo="$1"; sub="${2:-}"; ref="${3:-}"
    tmp="$(fetch "$repo" "$sub" "$ref" | tail -n 1)"
    sha="$(sed -n 1p "$tmp/.result")"; src="$(sed -n 2p "$tmp/.result")"
    name="$(name_of "$src")"
    [[ "$name" =~ ^[a-z0-9][a-z0-9-]*$ ]] || { echo "invalid skill name '$name'" >&2; exit 1; }
    case "$scope" in
      user) base="${CLAUDE_CONFIG_DIR:-$HOME/.claude}/skills" ;;
      project) base="$(git rev-parse --show-toplevel)/.claude/skills" ;;
      *) echo "scope must be user or project" >&2; exit 2 ;;
    esac
    dest="$base/$name"
    if [[ -e "$dest" && $force -eq 0 ]]; then echo "$dest exists (use --force)" >&2; exit 1; fi
    mkdir -p "$base"; rm -rf "$dest"; cp -R "$src" "$dest"; rm -rf "$dest/.git"
    write_source "$dest" "$repo" "$sub" "$ref" "$sha"
    rm -rf "$tmp"
    echo "installed $name -> $dest @ ${sha:0:12}"
    ;;
  update)
    dest="$1"
    [[ -f "$dest/.source.json" ]] || { echo "no .source.json in $dest" >&2; exit 1; }
    repo="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["repo"])' "$dest/.source.json")"
    sub="$(python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print("" if d["path"]=="." else d["path"])' "$dest/.source.json")"
    ref="$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["ref"])' "$dest/.source.json")"
    tmp="$(fetch "$repo" "$sub" "$ref" | tail -n 1)"
    src="$(sed -n 2p "$tmp/.result")"
    echo "--- diff installed vs latest ---"
    diff -ru --exclude=.source.json "$dest" "$src" || true
    echo
    echo "review the diff, then re-run with --install --force to apply. temp copy: $tmp"
    ;;
esac
