# shellcheck shell=bash
# guarded_rm ROOT PATH... : delete PATHs only if each resolves strictly inside ROOT.
# Set GUARDED_RM_DRY_RUN=1 to print instead of deleting.

guarded_rm() {
  local root="${1:-}"; shift || true
  if [ -z "$root" ] || [ ! -d "$root" ]; then
    echo "guarded_rm: root '$root' is empty or not a directory" >&2; return 2
  fi
  local real_root
  real_root="$(realpath -- "$root")"
  case "$real_root" in
    /|/bin|/boot|/dev|/etc|/home|/lib|/lib64|/opt|/proc|/root|/sbin|/sys|/usr|/var|/Users|/System)
      echo "guarded_rm: refusing system root '$real_root'" >&2; return 2 ;;
  esac
  if [ "$real_root" = "$(realpath -- "${HOME:-/nonexistent}" 2>/dev/null)" ]; then
    echo "guarded_rm: refusing to use \$HOME itself as root" >&2; return 2
  fi

  local p real
  for p in "$@"; do
    [ -n "$p" ] || { echo "guarded_rm: empty path argument" >&2; return 2; }
    [ -e "$p" ] || [ -L "$p" ] || continue
    real="$(realpath -m -- "$p")"
    if [ "$real" = "$real_root" ]; then
      echo "guarded_rm: '$p' is the root itself; refusing" >&2; return 2
    fi
    case "$real/" in
      "$real_root"/*) ;;
      *) echo "guarded_rm: '$p' resolves to '$real', outside '$real_root'" >&2; return 2 ;;
    esac
    if [ "${GUARDED_RM_DRY_RUN:-0}" = "1" ]; then
      printf 'would delete %s (%s)\n' "$p" "$(du -sh -- "$p" 2>/dev/null | cut -f1)"
    else
      rm -rf -- "$p"
    fi
  done
}
