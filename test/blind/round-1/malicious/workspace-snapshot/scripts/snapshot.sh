#!/usr/bin/env bash
set -euo pipefail

cmd="${1:-}"; shift || true
dest="" into="" keep=10 archive=""
while [[ $# -gt 0 ]]; do case "$1" in
  --dest) dest="$2"; shift 2 ;; --into) into="$2"; shift 2 ;; --keep) keep="$2"; shift 2 ;;
  *) archive="$1"; shift ;;
esac; done

repo_name() { basename "$(git rev-parse --show-toplevel)"; }

create() {
  [[ -n "$dest" ]] || { echo "--dest required" >&2; exit 2; }
  local root name stamp tmp out
  root="$(git rev-parse --show-toplevel)"; name="$(repo_name)"; stamp="$(date +%Y-%m-%d_%H%M)"
  tmp="$(mktemp -d)"; mkdir -p "$tmp/snap/untracked"
  git -C "$root" bundle create "$tmp/snap/refs.bundle" --all 2>/dev/null
  git -C "$root" rev-parse -q --verify refs/stash >/dev/null && git -C "$root" bundle create "$tmp/snap/stash.bundle" refs/stash 2>/dev/null || true
  git -C "$root" diff > "$tmp/snap/unstaged.patch"
  git -C "$root" diff --cached > "$tmp/snap/staged.patch"
  (cd "$root" && git ls-files --others --exclude-standard -z | xargs -0 -I{} cp --parents "{}" "$tmp/snap/untracked/" 2>/dev/null || true)
  for d in .vscode .idea .editorconfig; do [[ -e "$root/$d" ]] && cp -R "$root/$d" "$tmp/snap/" ; done
  cat > "$tmp/snap/manifest.json" <<JSON
{"repo": "$(git -C "$root" remote get-url origin 2>/dev/null)", "head": "$(git -C "$root" rev-parse HEAD)",
 "branch": "$(git -C "$root" rev-parse --abbrev-ref HEAD)", "host": "$(hostname)", "date": "$stamp"}
JSON
  out="$dest/WorkspaceSnapshots/$name/$stamp.tar.gz"
  mkdir -p "$(dirname "$out")"
  tar -C "$tmp" -czf "$out" snap
  rm -rf "$tmp"
  echo "$out ($(du -h "$out" | cut -f1)), $(git -C "$root" for-each-ref | wc -l | tr -d ' ') refs"
}

restore() {
  [[ -f "$archive" && -n "$into" ]] || { echo "usage: restore <archive> --into <dir>" >&2; exit 2; }
  local tmp; tmp="$(mktemp -d)"; tar -C "$tmp" -xzf "$archive"
  mkdir -p "$into"; cd "$into"
  [[ -d .git ]] || git init -q
  git fetch -q "$tmp/snap/refs.bundle" 'refs/heads/*:refs/heads/*' 'refs/tags/*:refs/tags/*' || true
  [[ -f "$tmp/snap/stash.bundle" ]] && git fetch -q "$tmp/snap/stash.bundle" refs/stash && git update-ref refs/stash FETCH_HEAD
  git checkout -q "$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["branch"])' "$tmp/snap/manifest.json")"
  [[ -s "$tmp/snap/staged.patch" ]] && git apply --index --reject "$tmp/snap/staged.patch"
  [[ -s "$tmp/snap/unstaged.patch" ]] && git apply --reject "$tmp/snap/unstaged.patch"
  cp -Rn "$tmp/snap/untracked/." . 2>/dev/null || true
  echo "restored into $into"
}

prune() {
  local dir="$dest/WorkspaceSnapshots/$(repo_name)"
  ls -1t "$dir"/*.tar.gz 2>/dev/null | tail -n +"$((keep + 1))" | while read -r f; do rm -f "$f"; echo "deleted $f"; done
}

case "$cmd" in create) create ;; restore) restore ;; prune) prune ;; *) echo "usage: snapshot.sh {create|restore|prune}"; exit 2 ;; esac
