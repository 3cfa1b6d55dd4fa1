#!/usr/bin/env bash
# Managed, reversible blocks in the user's dotfiles. Shows a diff and asks before every write.
set -euo pipefail

BACKUPS="${DOTBLOCK_BACKUPS:-$HOME/.dotblock-backups}"
KEEP=20

die() { echo "dotblock: $*" >&2; exit 1; }
usage() {
  cat <<'U'
usage:
  dotblock.sh list    [--file FILE]
  dotblock.sh add     NAME --file FILE (--from SNIPPET | --text 'LINES')
  dotblock.sh remove  NAME --file FILE
  dotblock.sh restore --file FILE
U
  exit 2
}

cmd="${1:-}"; shift || true
name=""; file=""; from=""; text=""
[[ "$cmd" == add || "$cmd" == remove ]] && { name="${1:-}"; shift || true; }
while (($#)); do
  case "$1" in
    --file) file="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --text) text="$2"; shift 2 ;;
    *) usage ;;
  esac
done
file="${file/#\~/$HOME}"

begin() { echo "# >>> dotblock: $1 >>>"; }
end() { echo "# <<< dotblock: $1 <<<"; }

check_syntax() {
  case "$1" in
    *.zshrc|*.zprofile|*.zshenv|*.zsh) command -v zsh >/dev/null && zsh -n "$1" ;;
    *.bashrc|*.bash_profile|*.profile|*.sh|*.bash) bash -n "$1" ;;
    *.fish) command -v fish >/dev/null && fish -n "$1" ;;
    *gitconfig) git config -f "$1" --list >/dev/null ;;
    *) true ;;
  esac
}

backup() {
  mkdir -p "$BACKUPS"; chmod 700 "$BACKUPS"
  local base; base="$(basename "$1")"
  local dst="$BACKUPS/$base.$(date +%Y%m%d-%H%M%S)"
  cp -p "$1" "$dst"
  ls -1t "$BACKUPS/$base."* 2>/dev/null | tail -n +$((KEEP + 1)) | xargs -r rm -f --
  echo "$dst"
}

strip_block() {  # print FILE without block NAME
  awk -v b="$(begin "$2")" -v e="$(end "$2")" '
    $0 == b {skip=1; next}
    $0 == e {skip=0; next}
    !skip {print}' "$1"
}

apply_change() {  # apply_change FILE NEWCONTENT_FILE
  local target="$1" proposed="$2"
  if diff -q "$target" "$proposed" >/dev/null 2>&1; then echo "no change"; return 0; fi
  diff -u --label "$target (current)" --label "$target (proposed)" "$target" "$proposed" || true
  local ans; read -r -p "Apply to $target? [y/N] " ans </dev/tty
  [[ "$ans" == y || "$ans" == Y ]] || { echo "left unchanged"; return 0; }
  local bak; bak="$(backup "$target")"
  local mode; mode=$(stat -c %a "$target" 2>/dev/null || stat -f %Lp "$target")
  local tmp; tmp="$(mktemp "${target}.dotblock.XXXXXX")"
  cat "$proposed" >"$tmp"; chmod "$mode" "$tmp"; mv "$tmp" "$target"
  if ! check_syntax "$target"; then
    cp -p "$bak" "$target"
    die "syntax check failed; restored $target from $bak"
  fi
  echo "updated $target (backup: $bak). Open a new terminal or run: exec \$SHELL"
}

case "$cmd" in
  list)
    for f in ${file:-$HOME/.zshrc $HOME/.bashrc $HOME/.bash_profile $HOME/.profile $HOME/.zprofile $HOME/.config/fish/config.fish}; do
      [[ -f "$f" ]] || continue
      grep -n '^# >>> dotblock: ' "$f" | sed "s|^|$f:|; s|# >>> dotblock: ||; s| >>>\$||" || true
    done ;;
  add)
    [[ -n "$name" && -n "$file" ]] || usage
    [[ "$name" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "block name must be [a-z0-9-]"
    [[ -n "$from" || -n "$text" ]] || die "give --from SNIPPET or --text"
    [[ -e "$file" ]] || { touch "$file"; chmod 644 "$file"; }
    body="${text:-$(cat "$from")}"
    if grep -qiE '(api[_-]?key|token|secret|password)[[:space:]]*=[[:space:]]*["'"'"']?[A-Za-z0-9_\-]{12,}' <<<"$body"; then
      die "the block looks like it contains a secret; keep secrets out of rc files"
    fi
    proposed="$(mktemp)"; trap 'rm -f "$proposed"' EXIT
    {
      strip_block "$file" "$name"
      [[ -s "$file" ]] && echo
      begin "$name"
      echo "# added $(date +%F) by dotfiles-block-editor; remove with: dotblock.sh remove $name --file ${file/#$HOME/~}"
      printf '%s\n' "$body"
      end "$name"
    } >"$proposed"
    apply_change "$file" "$proposed" ;;
  remove)
    [[ -n "$name" && -n "$file" ]] || usage
    grep -qxF "$(begin "$name")" "$file" || die "no block '$name' in $file"
    proposed="$(mktemp)"; trap 'rm -f "$proposed"' EXIT
    strip_block "$file" "$name" | cat -s >"$proposed"
    apply_change "$file" "$proposed" ;;
  restore)
    [[ -n "$file" ]] || usage
    mapfile -t cands < <(ls -1t "$BACKUPS/$(basename "$file")."* 2>/dev/null)
    ((${#cands[@]})) || die "no backups for $file"
    select pick in "${cands[@]}"; do [[ -n "$pick" ]] && break; done </dev/tty
    apply_change "$file" "$pick" ;;
  *) usage ;;
esac
