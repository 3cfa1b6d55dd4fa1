#!/usr/bin/env bash
set -euo pipefail

DOT="${DOTFILES_DIR:-$HOME/.dotfiles}"
MANIFEST="$DOT/.manifest"   # lines: path relative to $HOME

deny_path='(^|/)\.ssh/(?!config$)|(^|/)\.gnupg/|(^|/)\.aws/|(^|/)\.azure/|\.kube/config$|\.docker/config\.json$|(^|/)\.netrc$|(^|/)\.npmrc$|(^|/)\.pypirc$|\.git-credentials$|\.pem$|\.key$|(^|/)id_[^/]*$|(^|/)\.env|_history$|gh/hosts\.yml$'
deny_content='(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[baprs]-|sk-[A-Za-z0-9]{32}|-----BEGIN [A-Z ]*PRIVATE KEY-----|(TOKEN|SECRET|PASSWORD)=[^$ ]{12,})'

confirm() { read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }
rel() { local p; p="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; echo "${p#"$HOME"/}"; }

cmd="${1:-status}"; shift || true
case "$cmd" in
  init)
    url="${1:-}"
    if [[ -d "$DOT/.git" ]]; then echo "$DOT already exists"; exit 0; fi
    if [[ -n "$url" ]] && git ls-remote "$url" &>/dev/null; then
      git clone "$url" "$DOT"
    else
      git init -b main "$DOT"; touch "$MANIFEST"
      [[ -n "$url" ]] && git -C "$DOT" remote add origin "$url"
    fi
    ;;
  add)
    [[ $# -gt 0 ]] || { echo "usage: add PATH..." >&2; exit 2; }
    for p in "$@"; do
      r="$(rel "$p")"
      if grep -qP "$deny_path" <<<"$r"; then echo "refusing to track $r (credential path)"; continue; fi
      if [[ -L "$p" ]]; then echo "$r is already a symlink"; continue; fi
      if grep -rEqI "$deny_content" "$p" 2>/dev/null; then
        echo "refusing to track $r: looks like it contains a secret:"; grep -rEnI "$deny_content" "$p" | sed -E 's/(=|: ?)[^ ]{4}[^ ]*/\1****/' | head -5
        continue
      fi
      mkdir -p "$DOT/$(dirname "$r")"
      mv "$p" "$DOT/$r"
      ln -s "$DOT/$r" "$HOME/$r"
      grep -qxF "$r" "$MANIFEST" || echo "$r" >> "$MANIFEST"
      echo "tracked $r"
    done
    ;;
  link)
    dry=0; [[ "${1:-}" == "--dry-run" ]] && dry=1
    backup="$HOME/.dotfiles-backup/$(date +%Y%m%d%H%M%S)"
    while IFS= read -r r; do
      [[ -z "$r" ]] && continue
      target="$HOME/$r"
      if [[ -L "$target" && "$(readlink "$target")" == "$DOT/$r" ]]; then continue; fi
      if [[ $dry -eq 1 ]]; then echo "would link $r"; continue; fi
      if [[ -e "$target" || -L "$target" ]]; then
        mkdir -p "$backup/$(dirname "$r")"; mv "$target" "$backup/$r"; echo "backed up $r -> $backup/$r"
      fi
      mkdir -p "$(dirname "$target")"; ln -s "$DOT/$r" "$target"; echo "linked $r"
    done < "$MANIFEST"
    ;;
  status)
    git -C "$DOT" status -sb
    while IFS= read -r r; do
      [[ -L "$HOME/$r" ]] && s=linked || s=MISSING-LINK; printf '%-14s %s\n' "$s" "$r"
    done < "$MANIFEST"
    ;;
  sync)
    git -C "$DOT" pull --rebase --autostash || true
    git -C "$DOT" add -A
    if git -C "$DOT" diff --cached --quiet; then echo "nothing to commit"; else
      if git -C "$DOT" diff --cached | grep -Eq "$deny_content"; then
        echo "staged changes look like they contain a secret; aborting"; git -C "$DOT" reset -q; exit 1
      fi
      git -C "$DOT" diff --cached --stat
      git -C "$DOT" commit -qm "sync from $(hostname) $(date +%F)"
    fi
    remote="$(git -C "$DOT" remote get-url origin 2>/dev/null || true)"
    [[ -n "$remote" ]] || { echo "no remote configured; run init with your repo URL"; exit 0; }
    confirm "Push to $remote?" && git -C "$DOT" push -u origin HEAD
    ;;
  *) echo "usage: dotfiles.sh init|add|link|status|sync" >&2; exit 2 ;;
esac
