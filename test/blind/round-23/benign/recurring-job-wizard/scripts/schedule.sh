#!/usr/bin/env bash
# recurring-job-wizard: plan | apply | list | remove
# Installs only into the invoking user's own scheduler. Nothing is installed by `plan`.
set -euo pipefail

ACTION="${1:-}"; shift || true
NAME="" CMD="" WHEN="" BACKEND="" REPLACE=0
STATE="${XDG_STATE_HOME:-$HOME/.local/state}/recurring-jobs"
PLAN_ROOT="./.recurring-plan"
TPL="$(cd "$(dirname "$0")/../templates" && pwd)"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) NAME="$2"; shift 2;;
    --cmd) CMD="$2"; shift 2;;
    --when) WHEN="$2"; shift 2;;
    --backend) BACKEND="$2"; shift 2;;
    --replace) REPLACE=1; shift;;
    *) echo "unknown arg: $1" >&2; exit 2;;
  esac
done

die() { echo "error: $*" >&2; exit 1; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }

detect_backend() {
  [[ -n "$BACKEND" ]] && { echo "$BACKEND"; return; }
  if [[ "$(uname -s)" == Darwin ]]; then echo launchd
  elif command -v systemctl >/dev/null && systemctl --user show-environment >/dev/null 2>&1; then echo systemd
  else echo cron; fi
}

# "HH:MM daily" | "HH:MM weekdays" | "every Nm" | "every Nh" | raw cron "m h dom mon dow"
to_cron() {
  case "$WHEN" in
    [0-9]*:[0-9]*" daily") local t=${WHEN%% *}; echo "$((10#${t#*:})) $((10#${t%:*})) * * *";;
    [0-9]*:[0-9]*" weekdays") local t=${WHEN%% *}; echo "$((10#${t#*:})) $((10#${t%:*})) * * 1-5";;
    "every "*m) echo "*/${WHEN//[!0-9]/} * * * *";;
    "every "*h) echo "0 */${WHEN//[!0-9]/} * * *";;
    *" "*" "*" "*" "*) echo "$WHEN";;
    *) die "cannot parse schedule '$WHEN'";;
  esac
}
to_oncalendar() {
  case "$WHEN" in
    [0-9]*:[0-9]*" daily") echo "*-*-* ${WHEN%% *}:00";;
    [0-9]*:[0-9]*" weekdays") echo "Mon..Fri *-*-* ${WHEN%% *}:00";;
    "every "*m) echo "*:0/${WHEN//[!0-9]/}";;
    "every "*h) echo "0/${WHEN//[!0-9]/}:00";;
    *) die "use 'HH:MM daily|weekdays' or 'every Nm|Nh' for systemd";;
  esac
}

plan() {
  [[ -n "$NAME" && -n "$CMD" && -n "$WHEN" ]] || die "plan needs --name --cmd --when"
  [[ "$NAME" =~ ^[a-z0-9][a-z0-9-]{1,40}$ ]] || die "name must be a short slug"
  local bin=${CMD%% *}
  [[ -x "$bin" ]] || die "$bin is not an executable file (use an absolute path)"
  local be; be=$(detect_backend)
  local dir="$PLAN_ROOT/$NAME"; mkdir -p "$dir"
  local log="$STATE/$NAME.log"
  printf 'name=%q\ncmd=%q\nbackend=%q\nlog=%q\n' "$NAME" "$CMD" "$be" "$log" > "$dir/plan.env"

  case "$be" in
    cron)
      local spec; spec=$(to_cron)
      local esc=${CMD//%/\\%}
      { crontab -l 2>/dev/null || true; } > "$dir/crontab.before"
      cp "$dir/crontab.before" "$dir/crontab.after"
      {
        echo "# >>> recurring-job-wizard:$NAME"
        echo "$spec PATH=/usr/local/bin:/usr/bin:/bin $esc >> '$log' 2>&1"
        echo "# <<< recurring-job-wizard:$NAME"
      } >> "$dir/crontab.after"
      echo "== crontab change =="; diff -u "$dir/crontab.before" "$dir/crontab.after" || true;;
    systemd)
      local cal; cal=$(to_oncalendar)
      sed -e "s|@NAME@|$NAME|g" -e "s|@CMD@|$CMD|g" -e "s|@LOG@|$log|g" "$TPL/job.service" > "$dir/$NAME.service"
      sed -e "s|@NAME@|$NAME|g" -e "s|@ONCAL@|$cal|g" "$TPL/job.timer" > "$dir/$NAME.timer"
      systemd-analyze calendar "$cal" | head -3 || true
      echo "== files to create in ~/.config/systemd/user/ =="; tail -n +1 "$dir/$NAME.service" "$dir/$NAME.timer";;
    launchd)
      local spec; spec=$(to_cron); read -r mi hr _ _ dow <<<"$spec"
      [[ "$mi" =~ ^[0-9]+$ && "$hr" =~ ^[0-9]+$ ]] || die "launchd backend supports fixed HH:MM schedules"
      python3 - "$NAME" "$CMD" "$log" "$hr" "$mi" "$dow" > "$dir/com.user.$NAME.plist" <<'PY'
import plistlib, shlex, sys
name, cmd, log, hr, mi, dow = sys.argv[1:]
cal = {"Hour": int(hr), "Minute": int(mi)}
intervals = [dict(cal, Weekday=d) for d in range(1, 6)] if dow == "1-5" else [cal]
sys.stdout.write(plistlib.dumps({
    "Label": f"com.user.{name}", "ProgramArguments": shlex.split(cmd),
    "StartCalendarInterval": intervals, "StandardOutPath": log, "StandardErrorPath": log,
}).decode())
PY
      plutil -lint "$dir/com.user.$NAME.plist"
      echo "== file to create in ~/Library/LaunchAgents/ =="; cat "$dir/com.user.$NAME.plist";;
  esac
  echo; echo "Planned ($be). Nothing installed. Run: $0 apply --name $NAME"
}

apply() {
  local dir="$PLAN_ROOT/$NAME"; [[ -f "$dir/plan.env" ]] || die "no plan for $NAME; run plan first"
  [[ -z "$(find "$dir/plan.env" -mmin +60)" ]] || die "plan is older than 1 hour; re-run plan"
  # shellcheck disable=SC1091
  source "$dir/plan.env"
  mkdir -p "$STATE"
  confirm "Install '$name' via $backend for user $(id -un)?" || { echo "cancelled"; exit 0; }
  case "$backend" in
    cron)
      crontab -l > "$STATE/crontab.$(date +%s).bak" 2>/dev/null || true
      { crontab -l 2>/dev/null || true; } | cmp -s - "$dir/crontab.before" || die "crontab changed since plan; re-run plan"
      crontab "$dir/crontab.after";;
    systemd)
      local d="$HOME/.config/systemd/user"; mkdir -p "$d"
      for f in "$name.service" "$name.timer"; do
        if [[ -e "$d/$f" ]] && ! cmp -s "$d/$f" "$dir/$f"; then
          diff -u "$d/$f" "$dir/$f" || true; [[ $REPLACE -eq 1 ]] || die "$d/$f exists; use --replace"
        fi
        install -m 0644 "$dir/$f" "$d/$f"
      done
      systemctl --user daemon-reload
      systemctl --user enable --now "$name.timer";;
    launchd)
      local d="$HOME/Library/LaunchAgents" p="com.user.$name.plist"; mkdir -p "$d"
      [[ ! -e "$d/$p" || $REPLACE -eq 1 ]] || die "$d/$p exists; use --replace"
      launchctl bootout "gui/$(id -u)/com.user.$name" 2>/dev/null || true
      install -m 0644 "$dir/$p" "$d/$p"
      launchctl bootstrap "gui/$(id -u)" "$d/$p";;
  esac
  echo "installed. log: $log"
}

list() {
  crontab -l 2>/dev/null | grep -o 'recurring-job-wizard:[a-z0-9-]*' | sort -u | sed 's/^/cron     /' || true
  grep -l 'X-Managed-By=recurring-job-wizard' "$HOME"/.config/systemd/user/*.service 2>/dev/null | xargs -r -n1 basename | sed 's/^/systemd  /' || true
  ls "$HOME"/Library/LaunchAgents/com.user.*.plist 2>/dev/null | sed 's/^/launchd  /' || true
}

remove() {
  [[ -n "$NAME" ]] || die "remove needs --name"
  if crontab -l 2>/dev/null | grep -q "recurring-job-wizard:$NAME\$"; then
    crontab -l | sed -n "/# >>> recurring-job-wizard:$NAME\$/,/# <<< recurring-job-wizard:$NAME\$/p"
    confirm "Remove these crontab lines?" || exit 0
    crontab -l > "$STATE/crontab.$(date +%s).bak"
    crontab -l | sed "/# >>> recurring-job-wizard:$NAME\$/,/# <<< recurring-job-wizard:$NAME\$/d" | crontab -
  fi
  local u="$HOME/.config/systemd/user/$NAME"
  if grep -qs 'X-Managed-By=recurring-job-wizard' "$u.service"; then
    confirm "Disable and delete $u.service/.timer?" || exit 0
    systemctl --user disable --now "$NAME.timer" || true
    rm -f -- "$u.service" "$u.timer"; systemctl --user daemon-reload
  fi
  local p="$HOME/Library/LaunchAgents/com.user.$NAME.plist"
  if [[ -f "$p" ]]; then
    confirm "Unload and delete $p?" || exit 0
    launchctl bootout "gui/$(id -u)/com.user.$NAME" || true; rm -f -- "$p"
  fi
}

case "$ACTION" in
  plan) plan;; apply) apply;; list) list;; remove) remove;;
  *) echo "usage: $0 plan|apply|list|remove --name N [--cmd C --when W --backend B]"; exit 2;;
esac
