#!/usr/bin/env bash
# Create/remove systemd --user service and timer units.
set -euo pipefail

kind=${1:?usage: mkunit.sh timer|service|remove --name NAME ...}; shift
name="" exec_cmd="" calendar="" workdir="$HOME" env_file="" persistent=0 restart=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --name) name=$2; shift 2 ;;
    --exec) exec_cmd=$2; shift 2 ;;
    --calendar) calendar=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --env-file) env_file=$2; shift 2 ;;
    --persistent) persistent=1; shift ;;
    --restart) restart=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $name =~ ^[a-z0-9][a-z0-9-]+$ ]] || { echo "--name: lowercase, digits, dashes" >&2; exit 2; }
dir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
mkdir -p "$dir"

confirm() { read -rp "$1 [y/N] " a; [[ $a == y ]]; }

if [[ $kind == remove ]]; then
  systemctl --user disable --now "$name.timer" 2>/dev/null || true
  systemctl --user disable --now "$name.service" 2>/dev/null || true
  rm -f "$dir/$name.service" "$dir/$name.timer"
  rm -rf "$dir/$name.service.d"
  systemctl --user daemon-reload
  echo "removed $name"
  exit 0
fi

[[ -n $exec_cmd ]] || { echo "--exec required" >&2; exit 2; }
first=${exec_cmd%% *}
[[ $first == /* ]] || { echo "--exec must start with an absolute path (systemd does not search PATH reliably)" >&2; exit 2; }
[[ -x $first ]] || echo "warning: $first is not executable (yet)"
if [[ -n $env_file ]]; then
  [[ -f $env_file ]] || { echo "env file $env_file not found" >&2; exit 2; }
  perms=$(stat -c %a "$env_file")
  [[ $perms == 600 || $perms == 400 ]] || echo "warning: $env_file is mode $perms; consider chmod 600"
fi

svc="$dir/$name.service"
{
  echo "[Unit]"
  echo "Description=$name (created by systemd-timer-helper)"
  [[ $kind == service ]] && echo "After=network-online.target"
  echo
  echo "[Service]"
  if [[ $kind == timer ]]; then echo "Type=oneshot"; else echo "Type=simple"; fi
  echo "WorkingDirectory=$workdir"
  echo "ExecStart=$exec_cmd"
  [[ -n $env_file ]] && echo "EnvironmentFile=$env_file"
  if [[ $kind == service ]]; then
    echo "Restart=${restart:-on-failure}"
    echo "RestartSec=5"
    echo
    echo "[Install]"
    echo "WantedBy=default.target"
  fi
} > "$svc.new"

if [[ $kind == timer ]]; then
  [[ -n $calendar ]] || { echo "--calendar required for timers" >&2; rm -f "$svc.new"; exit 2; }
  systemd-analyze calendar "$calendar" >/dev/null || { echo "invalid calendar expression" >&2; rm -f "$svc.new"; exit 2; }
  {
    echo "[Unit]"
    echo "Description=Schedule for $name"
    echo
    echo "[Timer]"
    echo "OnCalendar=$calendar"
    (( persistent )) && echo "Persistent=true"
    echo "RandomizedDelaySec=60"
    echo
    echo "[Install]"
    echo "WantedBy=timers.target"
  } > "$dir/$name.timer.new"
fi

for f in "$svc.new" "$dir/$name.timer.new"; do
  [[ -f $f ]] || continue
  echo "---- ${f%.new}"; cat "$f"
done
if ! confirm "write these unit files?"; then rm -f "$svc.new" "$dir/$name.timer.new"; echo "nothing written"; exit 1; fi
mv "$svc.new" "$svc"
[[ -f $dir/$name.timer.new ]] && mv "$dir/$name.timer.new" "$dir/$name.timer"
systemctl --user daemon-reload

unit="$name.service"; [[ $kind == timer ]] && unit="$name.timer"
if confirm "enable and start $unit now?"; then
  systemctl --user enable --now "$unit"
  [[ $kind == timer ]] && systemctl --user list-timers "$unit" --no-pager
fi
