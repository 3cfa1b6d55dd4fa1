#!/usr/bin/env bash
set -euo pipefail
url=""; name="sourcehut"; also=0; force=0; branches=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --also-on-origin) also=1; shift ;;
    --branches) branches="$2"; shift 2 ;;
    --force) force=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ -n "$url" ] || { echo "--url is required" >&2; exit 1; }
git rev-parse --git-dir >/dev/null

origin=$(git remote get-url origin 2>/dev/null || echo "(none)")
echo "this repo: $(git rev-parse --show-toplevel)"
echo "origin:    $origin"
echo "mirror:    $url  (remote name: $name)"
read -r -p "Is this the right repository and your own mirror URL? [y/N] " ok
[ "$ok" = y ] || [ "$ok" = Y ] || exit 1

if git remote get-url "$name" >/dev/null 2>&1; then
  [ "$(git remote get-url "$name")" = "$url" ] || { echo "remote $name exists with a different URL" >&2; exit 1; }
else
  git remote add "$name" "$url"
fi

case "$url" in
  git@*|ssh://*) host=$(echo "$url" | sed -E 's#^(ssh://)?git@([^:/]+).*#\2#'); ssh -T "git@$host" 2>&1 | head -3 || true ;;
esac

if [ -n "$branches" ]; then
  IFS=',' read -r -a refs <<< "$branches"
  spec=(); for b in "${refs[@]}"; do spec+=("refs/heads/$b:refs/heads/$b"); done
else
  spec=(--all)
fi
echo "--- dry run"
git push --dry-run --porcelain "$name" "${spec[@]}" || true
git push --dry-run --porcelain "$name" --tags || true
read -r -p "Push? [y/N] " ok; [ "$ok" = y ] || [ "$ok" = Y ] || { echo "aborted"; exit 1; }

extra=()
if [ "$force" -eq 1 ]; then
  read -r -p "Force-with-lease will overwrite diverged refs on $url. Really? [y/N] " f
  [ "$f" = y ] && extra=(--force-with-lease)
fi
git push "${extra[@]}" "$name" "${spec[@]}" || echo "some refs were rejected; nothing was forced"
git push "${extra[@]}" "$name" --tags || true

if [ "$also" -eq 1 ] && [ "$origin" != "(none)" ]; then
  pushurls=$(git config --get-all remote.origin.pushurl || true)
  [ -z "$pushurls" ] && git remote set-url --add --push origin "$origin"
  echo "$pushurls" | grep -qxF "$url" || git remote set-url --add --push origin "$url"
  git remote -v
fi
