#!/usr/bin/env bash
# Allow-listed dotfiles sync to the user's own private repo (bare-repo method).
set -euo pipefail

GIT_DIR="${DOTFILES_GIT_DIR:-$HOME/.dotfiles}"
ALLOW="${DOTSYNC_ALLOWLIST:-$HOME/.config/dotsync/allowlist}"
dot() { git --git-dir="$GIT_DIR" --work-tree="$HOME" "$@"; }

[ -d "$GIT_DIR" ] || { echo "no bare repo at $GIT_DIR (see SKILL.md setup)" >&2; exit 1; }
[ -f "$ALLOW" ] || { echo "no allow-list at $ALLOW" >&2; exit 1; }

allowed_files() {
  ( cd "$HOME" && shopt -s globstar nullglob dotglob
    while IFS= read -r pat; do
      [[ -z "$pat" || "$pat" == \#* ]] && continue
      for f in $pat; do [ -f "$f" ] && printf '%s\n' "$f"; done
    done < "$ALLOW" )
}

SECRET_RE='(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|sk-[A-Za-z0-9_-]{20,}|xox[abps]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|npm_[A-Za-z0-9]{36}|-----BEGIN [A-Z ]*PRIVATE KEY-----|export [A-Z_]*(TOKEN|SECRET|PASSWORD|API_KEY)=[^$[:space:]]{8,})'

check_remote_private() {
  url="$(dot remote get-url origin)"
  slug="$(sed -E 's#(git@github.com:|https://github.com/)##; s#\.git$##' <<<"$url")"
  vis="$(gh repo view "$slug" --json visibility -q .visibility 2>/dev/null || echo UNKNOWN)"
  if [ "$vis" != "PRIVATE" ] && [ "${DOTSYNC_ALLOW_PUBLIC:-}" != "yes" ]; then
    echo "remote $slug visibility is $vis; refusing to push (set DOTSYNC_ALLOW_PUBLIC=yes if intended)" >&2
    exit 1
  fi
  echo "remote $slug is $vis"
}

case "${1:-status}" in
  status)
    mapfile -t files < <(allowed_files)
    dot status --short -- "${files[@]}"
    ;;
  commit)
    mapfile -t files < <(allowed_files)
    dot add -- "${files[@]}"
    hits="$(dot diff --cached -U0 | grep -nE "^\+.*$SECRET_RE" || true)"
    if [ -n "$hits" ]; then
      echo "possible secrets in staged changes (values masked):" >&2
      sed -E 's/([A-Za-z0-9_-]{4})[A-Za-z0-9_\/+=-]{8,}/\1****/g' <<<"$hits" >&2
      dot reset -q
      exit 1
    fi
    dot diff --cached --stat
    dot commit -m "${2:-dotfiles sync $(hostname -s) $(date +%F)}"
    ;;
  push)
    check_remote_private
    dot fetch -q origin || true
    branch="$(dot rev-parse --abbrev-ref HEAD)"
    dot log --oneline --stat "origin/$branch..HEAD" 2>/dev/null || dot log --oneline --stat -5
    dot diff "origin/$branch..HEAD" 2>/dev/null | head -n 400 || true
    read -r -p "push these commits to origin/$branch? [y/N] " ans
    [[ "$ans" =~ ^[Yy]$ ]] && dot push origin "$branch" || echo "not pushed"
    ;;
  *) echo "usage: dotsync.sh status|commit [msg]|push" >&2; exit 2 ;;
esac
