#!/usr/bin/env bash
# Per-directory Git identity via includeIf. Dry run unless --apply.
set -euo pipefail

GLOBAL="${GIT_CONFIG_GLOBAL:-$HOME/.gitconfig}"
die() { echo "$*" >&2; exit 1; }

cmd_show() {
  echo "global user.name:  $(git config --global --get user.name || echo '(unset)')"
  echo "global user.email: $(git config --global --get user.email || echo '(unset)')"
  local inc
  inc=$(git config --global --get-regexp '^includeif\..*\.path$' 2>/dev/null || true)
  echo "includes:          ${inc:-(none)}"
}

condition() {
  local dir="$1" ci="$2" remote="$3"
  if [ -n "$remote" ]; then printf 'hasconfig:remote.*.url:%s' "$remote"; return; fi
  case "$dir" in */) ;; *) dir="$dir/" ;; esac
  dir="${dir/#$HOME/~}"
  if [ "$ci" = 1 ]; then printf 'gitdir/i:%s' "$dir"; else printf 'gitdir:%s' "$dir"; fi
}

cmd_add() {
  local dir="" name="" email="" sshsign="" gpgkey="" sign=0 sshkey="" ci=0 remote="" apply=0 label=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) dir="$2"; shift 2 ;;
      --name) name="$2"; shift 2 ;;
      --email) email="$2"; shift 2 ;;
      --ssh-signing-key) sshsign="$2"; shift 2 ;;
      --gpg-key) gpgkey="$2"; shift 2 ;;
      --sign) sign=1; shift ;;
      --ssh-key) sshkey="$2"; shift 2 ;;
      --case-insensitive) ci=1; shift ;;
      --by-remote) remote="$2"; shift 2 ;;
      --label) label="$2"; shift 2 ;;
      --apply) apply=1; shift ;;
      *) die "unknown option: $1" ;;
    esac
  done
  [ -n "$dir" ] || [ -n "$remote" ] || die "need --dir or --by-remote"
  [ -n "$email" ] || die "need --email"
  [[ "$email" == *@*.* ]] || die "that does not look like an email: $email"
  dir="${dir/#\~/$HOME}"
  [ -z "$sshsign" ] || [ -f "${sshsign/#\~/$HOME}" ] || die "signing key not found: $sshsign"
  [ -z "$sshkey" ] || [ -f "${sshkey/#\~/$HOME}" ] || die "ssh key not found: $sshkey"

  label=${label:-$(basename "${dir%/}" 2>/dev/null || echo alt)}
  [ -n "$label" ] || label=alt
  local inc="$HOME/.gitconfig-$label"
  local cond; cond=$(condition "$dir" "$ci" "$remote")

  local body="[user]"$'\n'
  [ -n "$name" ] && body+="    name = $name"$'\n'
  body+="    email = $email"$'\n'
  if [ -n "$sshsign" ]; then
    body+="    signingkey = ${sshsign/#\~/$HOME}"$'\n'"[gpg]"$'\n'"    format = ssh"$'\n'
  elif [ -n "$gpgkey" ]; then
    body+="    signingkey = $gpgkey"$'\n'
  fi
  [ $sign -eq 1 ] && body+="[commit]"$'\n'"    gpgsign = true"$'\n'"[tag]"$'\n'"    gpgsign = true"$'\n'
  [ -n "$sshkey" ] && body+="[core]"$'\n'"    sshCommand = ssh -i ${sshkey/#$HOME/~} -o IdentitiesOnly=yes"$'\n'

  if git config --global --get "includeIf.$cond.path" >/dev/null 2>&1; then
    echo "note: an include for $cond already exists -> $(git config --global --get "includeIf.$cond.path")"
  fi

  echo "would create $inc:"
  sed 's/^/  /' <<<"$body"
  echo "would append to $GLOBAL:"
  printf '  [includeIf "%s"]\n      path = %s\n' "$cond" "${inc/#$HOME/~}"
  if [ -n "$dir" ] && [ -L "${dir%/}" ]; then
    echo "note: ${dir%/} is a symlink to $(readlink -f "${dir%/}"); Git matches the resolved path — consider a second --dir for it"
  fi
  if [ $apply -eq 0 ]; then echo; echo "re-run with --apply to write (a backup of $GLOBAL is made first)"; return 0; fi

  [ -e "$inc" ] && cp -p "$inc" "$inc.bak-$(date +%Y%m%d-%H%M%S)"
  printf '%s' "$body" > "$inc"
  chmod 644 "$inc"
  [ -e "$GLOBAL" ] && cp -p "$GLOBAL" "$GLOBAL.bak-$(date +%Y%m%d-%H%M%S)"
  git config --global --unset-all "includeIf.$cond.path" 2>/dev/null || true
  git config --global --add "includeIf.$cond.path" "${inc/#$HOME/~}"
  echo "done. verify with: $0 verify --dir ${dir/#$HOME/~}"
}

cmd_verify() {
  local dir=""; [ "${1:-}" = "--dir" ] && dir="${2/#\~/$HOME}"
  [ -n "$dir" ] || die "usage: $0 verify --dir DIR"
  local inside outside
  inside=$(find "$dir" -maxdepth 3 -name .git -print -quit 2>/dev/null | xargs -r dirname)
  outside=$(find "$HOME" -maxdepth 3 -name .git -not -path "${dir%/}/*" -print -quit 2>/dev/null | xargs -r dirname)
  for r in $inside $outside; do
    local line
    line=$(git -C "$r" config --show-origin --get user.email || echo "(unset)")
    printf '%-30s user.email=%-36s (%s)\n' "${r/#$HOME/~}" "$(awk '{print $2}' <<<"$line")" "$(awk '{print $1}' <<<"$line")"
  done
  [ -n "$inside" ] || echo "no repository found under $dir to test; clone one there and run again"
}

cmd_remove() {
  local dir="" ci=0 remote="" apply=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) dir="${2/#\~/$HOME}"; shift 2 ;;
      --case-insensitive) ci=1; shift ;;
      --by-remote) remote="$2"; shift 2 ;;
      --apply) apply=1; shift ;;
      *) die "unknown option: $1" ;;
    esac
  done
  local cond; cond=$(condition "$dir" "$ci" "$remote")
  local path; path=$(git config --global --get "includeIf.$cond.path" || true)
  [ -n "$path" ] || die "no include for $cond"
  echo "would remove [includeIf \"$cond\"] (path = $path); $path itself is kept"
  [ $apply -eq 1 ] || { echo "re-run with --apply"; return 0; }
  cp -p "$GLOBAL" "$GLOBAL.bak-$(date +%Y%m%d-%H%M%S)"
  git config --global --remove-section "includeIf.$cond"
  echo "removed"
}

sub="${1:-}"; shift || true
case "$sub" in
  show) cmd_show ;;
  add) cmd_add "$@" ;;
  verify) cmd_verify "$@" ;;
  remove) cmd_remove "$@" ;;
  *) echo "usage: $0 {show|add|verify|remove} [options]"; exit 64 ;;
esac
