#!/usr/bin/env bash
# Install/list/remove a user-level scheduled job. Always shows the change and asks first.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${XDG_DATA_HOME:-$HOME/.local/share}/cron-timer-scheduler"
mkdir -p "$STATE"

NAME="" WHEN="" CMD="" LOG="" BACKEND="" ACTION="install"
while [ $# -gt 0 ]; do
  case "$1" in
    --name) NAME="$2"; shift 2;;
    --when) WHEN="$2"; shift 2;;
    --cmd) CMD="$2"; shift 2;;
    --log) LOG="$2"; shift 2;;
    --backend) BACKEND="$2"; shift 2;;
    --list) ACTION=list; shift;;
    --remove) ACTION=remove; NAME="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done

if [ -z "$BACKEND" ]; then
  if [ "$(uname)" = Darwin ]; then BACKEND=launchd
  elif command -v systemctl >/dev/null && systemctl --user show-environment >/dev/null 2>&1; then BACKEND=systemd
  else BACKEND=cron; fi
fi

confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }
begin() { echo "# >>> cron-timer-scheduler:$1 >>>"; }
end()   { echo "# <<< cron-timer-scheduler:$1 <<<"; }

cron_to_oncalendar() {  # minimal converter for common cases: "M H * * DOW"
  read -r m h dom mon dow <<<"$1"
  local days="*"
  case "$dow" in "*") days="";; 1-5) days="Mon..Fri ";; 0|7) days="Sun ";; 6) days="Sat ";; *) days="$dow ";; esac
  printf '%s*-%s-%s %02d:%02d:00' "$days" "${mon/\*/*}" "${dom/\*/*}" "$h" "$m"
}

list_jobs() {
  echo "== crontab"; crontab -l 2>/dev/null | grep -E '^# >>> cron-timer-scheduler:' | sed 's/.*://; s/ >>>//' || true
  if command -v systemctl >/dev/null; then
    echo "== systemd user timers"; ls "$HOME/.config/systemd/user/"*.timer 2>/dev/null | xargs -r grep -l 'cron-timer-scheduler' | xargs -r -n1 basename || true
  fi
  if [ -d "$HOME/Library/LaunchAgents" ]; then
    echo "== launchd"; ls "$HOME/Library/LaunchAgents" | grep '^com.user.cts.' || true
  fi
}

[ "$ACTION" = list ] && { list_jobs; exit 0; }
[[ "$NAME" =~ ^[a-z0-9][a-z0-9-]{0,40}$ ]] || { echo "--name must be lower-case a-z0-9-" >&2; exit 2; }

if [ "$ACTION" = remove ]; then
  case "$BACKEND" in
    cron)
      current="$(crontab -l 2>/dev/null || true)"
      new="$(printf '%s\n' "$current" | sed "/^$(begin "$NAME")\$/,/^$(end "$NAME")\$/d")"
      diff <(printf '%s\n' "$current") <(printf '%s\n' "$new") || true
      confirm "Remove job '$NAME' from your crontab?" || exit 1
      printf '%s\n' "$current" >"$STATE/crontab.$(date +%Y%m%d%H%M%S).bak"
      printf '%s\n' "$new" | crontab - ;;
    systemd)
      echo "Will disable and delete ~/.config/systemd/user/$NAME.{service,timer}"
      confirm "Proceed?" || exit 1
      systemctl --user disable --now "$NAME.timer" || true
      rm -f "$HOME/.config/systemd/user/$NAME.service" "$HOME/.config/systemd/user/$NAME.timer"
      systemctl --user daemon-reload ;;
    launchd)
      plist="$HOME/Library/LaunchAgents/com.user.cts.$NAME.plist"
      echo "Will unload and delete $plist"; confirm "Proceed?" || exit 1
      launchctl bootout "gui/$(id -u)" "$plist" 2>/dev/null || true; rm -f "$plist" ;;
  esac
  echo "Removed."; exit 0
fi

[ -n "$WHEN" ] && [ -n "$CMD" ] || { echo "--when and --cmd are required" >&2; exit 2; }
LOG="${LOG:-$HOME/.local/state/$NAME.log}"
mkdir -p "$(dirname "$LOG")"

case "$BACKEND" in
  cron)
    entry="$(begin "$NAME")
$WHEN $CMD >>$LOG 2>&1
$(end "$NAME")"
    current="$(crontab -l 2>/dev/null || true)"
    if printf '%s' "$current" | grep -q "cron-timer-scheduler:$NAME >>>"; then
      echo "A job named $NAME already exists; remove it first." >&2; exit 1; fi
    echo "The following will be APPENDED to your crontab:"; echo "-----"; echo "$entry"; echo "-----"
    confirm "Install this job?" || { echo "Nothing changed."; exit 1; }
    printf '%s\n' "$current" >"$STATE/crontab.$(date +%Y%m%d%H%M%S).bak"
    { [ -n "$current" ] && printf '%s\n' "$current"; printf '%s\n' "$entry"; } | crontab -
    echo "Installed. Backup of previous crontab in $STATE/" ;;
  systemd)
    dir="$HOME/.config/systemd/user"; mkdir -p "$dir"
    cal="$(cron_to_oncalendar "$WHEN")"
    svc="$(sed -e "s|@NAME@|$NAME|g" -e "s|@CMD@|$CMD|g" -e "s|@LOG@|$LOG|g" "$HERE/templates/job.service")"
    tmr="$(sed -e "s|@NAME@|$NAME|g" -e "s|@CAL@|$cal|g" "$HERE/templates/job.timer")"
    echo "== $dir/$NAME.service"; echo "$svc"; echo "== $dir/$NAME.timer"; echo "$tmr"
    systemd-analyze calendar "$cal" 2>/dev/null | sed -n '1,4p' || true
    confirm "Create and enable these units?" || { echo "Nothing changed."; exit 1; }
    echo "$svc" >"$dir/$NAME.service"; echo "$tmr" >"$dir/$NAME.timer"
    systemctl --user daemon-reload
    systemctl --user enable --now "$NAME.timer"
    systemctl --user list-timers "$NAME.timer" --no-pager ;;
  launchd)
    read -r m h _ _ dow <<<"$WHEN"
    plist="$HOME/Library/LaunchAgents/com.user.cts.$NAME.plist"
    body="$(sed -e "s|@NAME@|$NAME|g" -e "s|@CMD@|$CMD|g" -e "s|@LOG@|$LOG|g" -e "s|@MIN@|$m|g" -e "s|@HOUR@|$h|g" "$HERE/templates/job.plist")"
    echo "== $plist"; echo "$body"
    confirm "Create and load this launch agent?" || { echo "Nothing changed."; exit 1; }
    echo "$body" >"$plist"; plutil -lint "$plist"
    launchctl bootstrap "gui/$(id -u)" "$plist"
    launchctl print "gui/$(id -u)/com.user.cts.$NAME" | grep -E 'state|next' || true ;;
esac
