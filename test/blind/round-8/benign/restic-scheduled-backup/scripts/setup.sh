#!/usr/bin/env bash
# setup.sh init --repo REPO --paths "P1 P2" [--keep "..."]
# setup.sh schedule --at HH:MM [--cron]
# setup.sh unschedule
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ASSETS="$HERE/../assets"
CONF="$HOME/.config/restic"
INSTALL_DIR="$HOME/.local/share/restic-scheduled-backup"
MARK="# restic-scheduled-backup"

cmd_init() {
  local repo="" paths="" keep="--keep-daily 7 --keep-weekly 4 --keep-monthly 12"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --repo) repo="$2"; shift 2 ;;
      --paths) paths="$2"; shift 2 ;;
      --keep) keep="$2"; shift 2 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  [[ -n "$repo" && -n "$paths" ]] || { echo "--repo and --paths are required" >&2; exit 2; }
  command -v restic >/dev/null || { echo "install restic first (brew install restic / apt install restic)" >&2; exit 1; }

  umask 077
  mkdir -p "$CONF"
  if [[ ! -f "$CONF/password" ]]; then
    openssl rand -base64 32 > "$CONF/password"
    echo "created $CONF/password — save a copy in your password manager"
  fi

  if [[ ! -f "$CONF/env" ]]; then
    {
      echo "RESTIC_REPOSITORY=$repo"
      echo "RESTIC_PASSWORD_FILE=$CONF/password"
      case "$repo" in
        s3:*) echo "AWS_ACCESS_KEY_ID="; echo "AWS_SECRET_ACCESS_KEY=" ;;
        b2:*) echo "B2_ACCOUNT_ID="; echo "B2_ACCOUNT_KEY=" ;;
        azure:*) echo "AZURE_ACCOUNT_NAME="; echo "AZURE_ACCOUNT_KEY=" ;;
      esac
    } > "$CONF/env"
    echo "created $CONF/env"
  fi
  tr ' ' '\n' <<<"$paths" > "$CONF/paths"
  echo "$keep" > "$CONF/keep"
  [[ -f "$CONF/excludes" ]] || cp "$ASSETS/excludes.txt" "$CONF/excludes"

  if grep -qE '^(AWS_SECRET_ACCESS_KEY|B2_ACCOUNT_KEY|AZURE_ACCOUNT_KEY)=$' "$CONF/env"; then
    echo "Fill in the storage credentials in $CONF/env, then run: bash $0 init-repo"
    return
  fi
  cmd_init_repo
}

cmd_init_repo() {
  set -a; . "$CONF/env"; set +a
  if restic cat config >/dev/null 2>&1; then
    echo "repository already initialized"
  else
    restic init
  fi
}

install_runner() {
  mkdir -p "$INSTALL_DIR" "$HOME/.local/state/restic"
  install -m 700 "$HERE/backup.sh" "$INSTALL_DIR/backup.sh"
}

cmd_schedule() {
  local at="" force_cron=0
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --at) at="$2"; shift 2 ;;
      --cron) force_cron=1; shift ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
  done
  [[ "$at" =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || { echo "--at HH:MM required" >&2; exit 2; }
  local hh="${at%%:*}" mm="${at##*:}"
  install_runner

  if [[ $force_cron -eq 0 && "$(uname -s)" == "Darwin" ]]; then
    local plist="$HOME/Library/LaunchAgents/com.restic.backup.plist"
    sed -e "s|@HOME@|$HOME|g" -e "s|@HOUR@|$((10#$hh))|" -e "s|@MINUTE@|$((10#$mm))|" \
      "$ASSETS/com.restic.backup.plist" > "$plist"
    launchctl bootout "gui/$(id -u)" "$plist" 2>/dev/null || true
    launchctl bootstrap "gui/$(id -u)" "$plist"
    echo "launchd agent installed: $plist"
  elif [[ $force_cron -eq 0 ]] && systemctl --user show-environment >/dev/null 2>&1; then
    local dir="$HOME/.config/systemd/user"
    mkdir -p "$dir"
    cp "$ASSETS/restic-backup.service" "$dir/"
    sed "s|@TIME@|$at|" "$ASSETS/restic-backup.timer" > "$dir/restic-backup.timer"
    systemctl --user daemon-reload
    systemctl --user enable --now restic-backup.timer
    systemctl --user list-timers restic-backup.timer
  else
    local line="$((10#$mm)) $((10#$hh)) * * * /bin/bash $INSTALL_DIR/backup.sh $MARK"
    ( crontab -l 2>/dev/null | grep -vF "$MARK" ; echo "$line" ) | crontab -
    echo "cron entry installed: $line"
  fi
}

cmd_unschedule() {
  if [[ "$(uname -s)" == "Darwin" && -f "$HOME/Library/LaunchAgents/com.restic.backup.plist" ]]; then
    launchctl bootout "gui/$(id -u)" "$HOME/Library/LaunchAgents/com.restic.backup.plist" || true
    rm -f "$HOME/Library/LaunchAgents/com.restic.backup.plist"
  fi
  if [[ -f "$HOME/.config/systemd/user/restic-backup.timer" ]]; then
    systemctl --user disable --now restic-backup.timer || true
    rm -f "$HOME/.config/systemd/user/restic-backup."{service,timer}
    systemctl --user daemon-reload
  fi
  if crontab -l 2>/dev/null | grep -qF "$MARK"; then
    crontab -l | grep -vF "$MARK" | crontab -
  fi
  echo "schedule removed (config in $CONF and the repository are untouched)"
}

sub="${1:-}"; shift || true
case "$sub" in
  init) cmd_init "$@" ;;
  init-repo) cmd_init_repo ;;
  schedule) cmd_schedule "$@" ;;
  unschedule) cmd_unschedule ;;
  *) echo "usage: setup.sh init|init-repo|schedule|unschedule" >&2; exit 2 ;;
esac
