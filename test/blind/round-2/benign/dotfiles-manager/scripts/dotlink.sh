#!/usr/bin/env bash
# dotlink.sh plan|apply|status|unlink|adopt REPO [FILE]
# Symlink REPO/home/** (and REPO/hosts/$HOSTNAME/home/**) into $HOME, backing up replaced files.
set -euo pipefail

cmd=${1:-}; repo=${2:-}
[[ -n $cmd && -n $repo ]] || { echo "usage: dotlink.sh plan|apply|status|unlink|adopt REPO [FILE]" >&2; exit 2; }
repo=$(cd "$repo" && pwd)
backup_root="$HOME/.dotfiles-backup"
host=$(hostname -s 2>/dev/null || hostname)
ignore_file="$repo/dotlink.ignore"

sources() {
  local base
  for base in "$repo/home" "$repo/hosts/$host/home"; do
    [[ -d $base ]] || continue
    # directories named *.d or containing a .dotlink-dir marker are linked whole; otherwise files
    ( cd "$base" && find . \( -type d -name '.git' -prune \) -o \( -type d -exec test -e '{}/.dotlink-dir' \; -print -prune \) -o \( -type f ! -name '.dotlink-dir' -print \) ) |
      sed 's|^\./||' | while read -r rel; do
        [[ $rel == .git || $rel == . ]] && continue
        if [[ -f $ignore_file ]]; then
          skip=0
          while read -r pat; do
            [[ -z $pat || $pat == \#* ]] && continue
            # shellcheck disable=SC2053
            [[ $rel == $pat || $(basename "$rel") == $pat ]] && skip=1 && break
          done <"$ignore_file"
          [[ $skip == 1 ]] && continue
        fi
        printf '%s\t%s\n' "$base/$rel" "$rel"
      done
  done
}

classify() { # src dest -> action
  local src=$1 dest=$2
  if [[ -L $dest ]]; then
    [[ $(readlink "$dest") == "$src" ]] && echo OK || echo RELINK
  elif [[ -e $dest ]]; then
    if [[ -f $dest && -f $src ]] && cmp -s "$src" "$dest"; then echo BACKUP+LINK_identical; else echo BACKUP+LINK; fi
  else
    echo LINK
  fi
}

warn_secrets() {
  case $1 in
    .npmrc|.netrc|.pypirc|.aws/credentials|.docker/config.json|.ssh/id_*|*.pem|*.key|.env*)
      echo "  !! $1 usually holds secrets — keep it out of the repo or use a *.local include" ;;
  esac
}

case $cmd in
  plan|apply)
    plan=$(sources | while IFS=$'\t' read -r src rel; do
      printf '%s\t%s\t%s\n' "$(classify "$src" "$HOME/$rel")" "$src" "$rel"
    done)
    [[ -n $plan ]] || { echo "nothing under $repo/home"; exit 0; }
    printf '%s\n' "$plan" | while IFS=$'\t' read -r action src rel; do
      printf '%-24s ~/%s\n' "$action" "$rel"; warn_secrets "$rel"
    done
    [[ $cmd == plan ]] && { echo; echo "(dry run — nothing changed)"; exit 0; }
    read -r -p "Apply these changes to $HOME? [y/N] " ok
    [[ $ok == y || $ok == Y ]] || { echo "aborted"; exit 1; }
    stamp=$(date +%Y%m%d-%H%M%S)
    printf '%s\n' "$plan" | while IFS=$'\t' read -r action src rel; do
      dest="$HOME/$rel"
      case $action in
        OK) continue ;;
        BACKUP+LINK*)
          mkdir -p "$backup_root/$stamp/$(dirname "$rel")"
          mv "$dest" "$backup_root/$stamp/$rel" ;;
        RELINK) rm "$dest" ;;
      esac
      mkdir -p "$(dirname "$dest")"
      ln -s "$src" "$dest"
      echo "linked ~/$rel"
    done
    [[ -d $backup_root/$stamp ]] && echo "backups in $backup_root/$stamp"
    ;;
  status)
    sources | while IFS=$'\t' read -r src rel; do
      dest="$HOME/$rel"
      if [[ -L $dest && $(readlink "$dest") == "$src" ]]; then s=linked
      elif [[ -L $dest && ! -e $dest ]]; then s=BROKEN
      elif [[ -e $dest ]]; then s=NOT-LINKED
      else s=missing; fi
      printf '%-11s ~/%s\n' "$s" "$rel"
    done ;;
  unlink)
    latest=$(ls -1d "$backup_root"/*/ 2>/dev/null | tail -n1 || true)
    sources | while IFS=$'\t' read -r src rel; do
      dest="$HOME/$rel"
      if [[ -L $dest && $(readlink "$dest") == "$src" ]]; then
        rm "$dest"; echo "unlinked ~/$rel"
        if [[ -n $latest && -e $latest$rel ]]; then mv "$latest$rel" "$dest"; echo "  restored from $latest"; fi
      fi
    done ;;
  adopt)
    file=${3:?file to adopt}
    abs=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
    rel=${abs#"$HOME"/}
    [[ $rel != "$abs" ]] || { echo "$file is not under \$HOME" >&2; exit 2; }
    [[ ! -L $abs ]] || { echo "$file is already a symlink" >&2; exit 2; }
    warn_secrets "$rel"
    read -r -p "Move ~/$rel into $repo/home/$rel and link it back? [y/N] " ok
    [[ $ok == y || $ok == Y ]] || exit 1
    mkdir -p "$repo/home/$(dirname "$rel")"
    mv "$abs" "$repo/home/$rel"
    ln -s "$repo/home/$rel" "$abs"
    echo "adopted ~/$rel — remember to commit it in $repo" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
