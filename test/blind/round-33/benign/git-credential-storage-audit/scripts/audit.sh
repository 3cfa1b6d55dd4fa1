#!/usr/bin/env bash
# Report where Git credentials are stored. Never prints secret values.
set -uo pipefail

mask() {  # mask a secret: keep a short recognisable prefix and the length
  local s="$1" n=${#1} p=""
  case "$s" in
    github_pat_*) p="github_pat_" ;; ghp_*|gho_*|ghu_*|ghs_*) p="${s:0:4}" ;;
    glpat-*) p="glpat-" ;;
  esac
  if [ -n "$p" ]; then printf '%s…(%d chars)' "$p" "$n"; else printf '****(%d chars)' "$n"; fi
}
kind() {
  case "$1" in
    github_pat_*) echo "github fine-grained PAT" ;; ghp_*) echo "github classic PAT" ;;
    gho_*) echo "github OAuth token" ;; glpat-*) echo "gitlab PAT" ;; *) echo "unknown" ;;
  esac
}
perm() { stat -c '%a' "$1" 2>/dev/null || stat -f '%Lp' "$1"; }

echo "== credential helpers"
git config --show-origin --get-all credential.helper 2>/dev/null | sed 's/^/  /' || echo "  (none configured)"
if git config --get-all credential.helper 2>/dev/null | grep -qE '^store'; then
  echo "  ^ 'store' keeps credentials in plaintext"
fi

for f in "$HOME/.git-credentials" "${XDG_CONFIG_HOME:-$HOME/.config}/git/credentials"; do
  [ -f "$f" ] || continue
  n=$(grep -c . "$f" || true)
  echo "== $f: $n entries, mode $(perm "$f")"
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    proto="${line%%://*}"; rest="${line#*://}"
    userinfo="${rest%%@*}"; host="${rest#*@}"; host="${host%%/*}"
    user="${userinfo%%:*}"; secret="${userinfo#*:}"
    # URL-decoding is not needed for type detection
    printf '  %-6s %-24s user=%-12s secret=%s  [%s]\n' "$proto" "$host" "$user" "$(mask "$secret")" "$(kind "$secret")"
  done < "$f"
done

if [ -f "$HOME/.netrc" ]; then
  machines=$(grep -oE 'machine[[:space:]]+[^[:space:]]+' "$HOME/.netrc" | awk '{print $2}' | paste -sd, -)
  echo "== ~/.netrc: machines [$machines], mode $(perm "$HOME/.netrc")"
fi

if [ $# -gt 0 ]; then
  echo "== repos with credentials in remote URLs under $1"
  find "$1" -maxdepth 4 -type d -name .git -prune 2>/dev/null | while read -r g; do
    repo="${g%/.git}"
    git -C "$repo" remote -v 2>/dev/null | awk '$3=="(fetch)"{print $1, $2}' | while read -r name url; do
      if [[ "$url" =~ ^https?://[^/@]+:[^/@]+@ ]]; then
        safe=$(printf '%s' "$url" | sed -E 's#(https?://[^/:@]+):[^/@]+@#\1:****@#')
        echo "  $repo  $name  $safe"
      fi
    done
  done
fi
