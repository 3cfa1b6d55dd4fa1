#!/usr/bin/env bash
# Inventory / rewrite / push author identities in a repository using git filter-repo.
set -euo pipefail

usage() {
  echo "usage: $0 inventory REPO_URL_OR_PATH"
  echo "       $0 rewrite REPO_URL_OR_PATH MAILMAP [--trailers]"
  echo "       $0 push MIRROR_DIR --push [--keep-remote-refs]"
  exit 2
}

identities() {
  local dir="$1"
  echo "Authors:"
  git -C "$dir" log --all --format='%an <%ae>' | sort | uniq -c | sort -rn | sed 's/^/  /'
  echo "Committers:"
  git -C "$dir" log --all --format='%cn <%ce>' | sort | uniq -c | sort -rn | sed 's/^/  /'
}

cmd="${1:-}"; shift || true
case "$cmd" in
inventory)
  [ $# -ge 1 ] || usage
  src="$1"
  if [ -d "$src/.git" ] || [ -f "$src/HEAD" ]; then
    identities "$src"
  else
    tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
    git clone --quiet --bare --filter=blob:none "$src" "$tmp/repo.git"
    identities "$tmp/repo.git"
  fi
  ;;
rewrite)
  [ $# -ge 2 ] || usage
  src="$1"; mailmap="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; trailers="${3:-}"
  command -v git-filter-repo >/dev/null || { echo "git-filter-repo not installed" >&2; exit 1; }
  [ -f "$mailmap" ] || { echo "mailmap $mailmap not found" >&2; exit 1; }
  name="$(basename "${src%.git}")"
  out="./${name}-rewrite.git"
  [ -e "$out" ] && { echo "$out already exists; remove it or rename it first" >&2; exit 1; }
  git clone --quiet --mirror "$src" "$out"
  echo "=== before"; identities "$out" > "$out.before.txt"; cat "$out.before.txt"
  args=(--mailmap "$mailmap" --force)
  if [ "$trailers" = "--trailers" ]; then
    # Rewrite old emails inside Co-authored-by / Signed-off-by trailers as well.
    pyfile="$(mktemp)"
    python3 - "$mailmap" > "$pyfile" <<'PY'
import re, sys
pairs = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    emails = re.findall(r"<([^>]+)>", line)
    proper = re.match(r"^([^<]*)<", line).group(1).strip()
    if len(emails) == 2:
        pairs.append((emails[1], proper, emails[0]))
print("import re")
print("pairs = %r" % pairs)
print("msg = message.decode('utf-8', 'replace')")
print("for old, name, new in pairs:")
print("    msg = re.sub(r'^((?:Co-authored-by|Signed-off-by):\\s*)[^<\\n]*<' + re.escape(old) + '>', lambda m: m.group(1) + (name + ' ' if name else '') + '<' + new + '>', msg, flags=re.M | re.I)")
print("return msg.encode('utf-8')")
PY
    args+=(--message-callback "$(cat "$pyfile")")
    rm -f "$pyfile"
  fi
  git -C "$out" filter-repo "${args[@]}"
  echo "=== after"; identities "$out" | tee "$out.after.txt"
  echo
  echo "Rewritten mirror: $out (remote 'origin' was removed by filter-repo; push re-adds it)."
  echo "Review it, then push with: $0 push $out --push"
  echo "$src" > "$out.source-url"
  ;;
push)
  [ $# -ge 1 ] || usage
  dir="$1"; shift
  do_push=0 keep=0
  for a in "$@"; do
    case "$a" in --push) do_push=1 ;; --keep-remote-refs) keep=1 ;; *) usage ;; esac
  done
  [ -f "$dir.source-url" ] || { echo "no $dir.source-url; was this created by 'rewrite'?" >&2; exit 1; }
  url="$(cat "$dir.source-url")"
  echo "Refs that will be force-updated on $url:"
  git -C "$dir" for-each-ref --format='  %(refname)' refs/heads refs/tags
  if [ "$do_push" -ne 1 ]; then
    echo "Dry run. Add --push to force-push."
    exit 0
  fi
  repo_name="$(basename "${url%.git}")"
  read -r -p "This rewrites published history. Type the repository name ($repo_name) to continue: " answer
  [ "$answer" = "$repo_name" ] || { echo "not confirmed; nothing pushed"; exit 1; }
  git -C "$dir" remote add origin "$url" 2>/dev/null || git -C "$dir" remote set-url origin "$url"
  if [ "$keep" -eq 1 ]; then
    git -C "$dir" push --force origin 'refs/heads/*:refs/heads/*' 'refs/tags/*:refs/tags/*'
  else
    # --prune removes remote branches/tags that no longer exist locally; refs/pull/* are not touched
    git -C "$dir" push --force --prune origin 'refs/heads/*:refs/heads/*' 'refs/tags/*:refs/tags/*'
  fi
  echo "Pushed. Ask collaborators to re-clone (or fetch and hard-reset) their copies."
  ;;
*) usage ;;
esac
