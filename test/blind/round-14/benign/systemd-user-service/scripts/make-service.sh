#!/usr/bin/env bash
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMPL="$HERE/../assets/user.service.tmpl"
NAME="" EXEC="" WORKDIR="" ENVFILE="" DESC="" LINGER=0 DRY=0
RW=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) NAME="$2"; shift 2 ;;
    --exec) EXEC="$2"; shift 2 ;;
    --workdir) WORKDIR="$2"; shift 2 ;;
    --env-file) ENVFILE="$2"; shift 2 ;;
    --description) DESC="$2"; shift 2 ;;
    --rw) RW+=("$2"); shift 2 ;;
    --linger) LINGER=1; shift ;;
    --dry-run) DRY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[[ "$NAME" =~ ^[a-z0-9][a-z0-9-]{0,40}$ ]] || { echo "--name must be short kebab-case" >&2; exit 2; }
[[ -n "$EXEC" && -n "$WORKDIR" ]] || { echo "--exec and --workdir are required" >&2; exit 2; }
WORKDIR="$(cd "$WORKDIR" && pwd)"
first="${EXEC%% *}"
[[ "$first" == /* && -x "$first" ]] || { echo "ExecStart must start with an absolute path to an executable: $first" >&2; exit 2; }

envline=""
if [[ -n "$ENVFILE" ]]; then
  ENVFILE="${ENVFILE/#\~/$HOME}"
  if [[ -f "$ENVFILE" ]]; then
    perms="$(stat -c %a "$ENVFILE")"
    [[ "$perms" == 600 || "$perms" == 400 ]] || echo "warning: $ENVFILE is mode $perms; consider chmod 600"
  else
    echo "note: $ENVFILE does not exist yet; create it (mode 600) before starting"
  fi
  envline="EnvironmentFile=$ENVFILE"
fi

rw="$WORKDIR"
for p in "${RW[@]:-}"; do [[ -n "$p" ]] && rw="$rw ${p/#\~/$HOME}"; done

unit="$(sed -e "s|{{DESCRIPTION}}|${DESC:-$NAME}|" \
            -e "s|{{WORKDIR}}|$WORKDIR|" \
            -e "s|{{EXEC}}|$EXEC|" \
            -e "s|{{ENVFILE_LINE}}|$envline|" \
            -e "s|{{RW_PATHS}}|$rw|" "$TMPL")"

DEST="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user/$NAME.service"
echo "----- $DEST -----"
echo "$unit"
echo "-----"
[[ "$DRY" -eq 1 ]] && exit 0

if [[ -e "$DEST" ]]; then
  read -r -p "$DEST exists. Overwrite? [y/N] " a; [[ "$a" == [yY] ]] || exit 1
fi
read -r -p "Install and start this service? [y/N] " a; [[ "$a" == [yY] ]] || exit 1

mkdir -p "$(dirname "$DEST")"
printf '%s\n' "$unit" > "$DEST"
systemctl --user daemon-reload
systemctl --user enable --now "$NAME.service"
systemctl --user --no-pager status "$NAME.service" | head -n 12

if [[ "$LINGER" -eq 1 ]]; then
  loginctl enable-linger "$USER"
  echo "lingering enabled: $NAME will start at boot and keep running after logout"
fi
