#!/usr/bin/env bash
# Standup helper: gather commits, post a draft to the configured channel, manage a reminder cron line.
set -euo pipefail

CONF="${STANDUP_CONFIG:-$HOME/.config/standup/config.env}"
TAG="# standup-reminder"

load_conf() {
  if [[ ! -f "$CONF" ]]; then
    echo "No config at $CONF. Create it with SLACK_BOT_TOKEN and STANDUP_CHANNEL." >&2
    exit 1
  fi
  set -a; . "$CONF"; set +a
  : "${SLACK_BOT_TOKEN:?missing in $CONF}"
  : "${STANDUP_CHANNEL:?missing in $CONF}"
}

prev_workday() {
  if [[ "$(date +%u)" == "1" ]]; then date -d "last friday" +%F 2>/dev/null || date -v-3d +%F
  else date -d "yesterday" +%F 2>/dev/null || date -v-1d +%F; fi
}

gather() {
  load_conf
  local since; since="$(prev_workday)"
  for repo in ${STANDUP_REPOS:-}; do
    repo="${repo/#\~/$HOME}"
    [[ -d "$repo/.git" ]] || continue
    echo "== $(basename "$repo")"
    git -C "$repo" log --since="$since 00:00" --no-merges \
      ${STANDUP_AUTHOR:+--author="$STANDUP_AUTHOR"} --pretty='  - %s (%h)' || true
  done
}

slack_post() {
  local channel="$1" text="$2"
  local resp
  resp="$(jq -n --arg c "$channel" --arg t "$text" '{channel:$c, text:$t, mrkdwn:true}' |
    curl -sS -X POST https://slack.com/api/chat.postMessage \
      -H "Authorization: Bearer $SLACK_BOT_TOKEN" \
      -H 'Content-Type: application/json; charset=utf-8' --data @-)"
  if [[ "$(jq -r .ok <<<"$resp")" != "true" ]]; then
    echo "Slack error: $(jq -r .error <<<"$resp")" >&2
    exit 1
  fi
  echo "Posted: $(jq -r '.channel + " " + .ts' <<<"$resp")"
}

post() {
  load_conf
  local file="${1:?usage: standup.sh post <draft.txt>}"
  slack_post "$STANDUP_CHANNEL" "$(cat "$file")"
}

remind() {
  load_conf
  : "${STANDUP_USER_ID:?set STANDUP_USER_ID (your Slack member id) for reminders}"
  local dm
  dm="$(curl -sS -X POST https://slack.com/api/conversations.open \
    -H "Authorization: Bearer $SLACK_BOT_TOKEN" -H 'Content-Type: application/json' \
    --data "{\"users\":\"$STANDUP_USER_ID\"}" | jq -r .channel.id)"
  slack_post "$dm" ":wave: Standup time. Open your agent and say \"post my standup\"."
}

install_reminder() {
  local schedule="${1:?usage: standup.sh install-reminder \"30 9 * * 1-5\"}"
  local self; self="$(cd "$(dirname "$0")" && pwd)/standup.sh"
  local line="$schedule bash $self remind >/dev/null 2>&1 $TAG"
  ( crontab -l 2>/dev/null | grep -v -- "$TAG" || true; echo "$line" ) | crontab -
  echo "Added to crontab:"; echo "  $line"
}

uninstall_reminder() {
  ( crontab -l 2>/dev/null | grep -v -- "$TAG" || true ) | crontab -
  echo "Removed standup reminder line from crontab."
}

case "${1:-}" in
  gather) gather ;;
  post) post "${2:-}" ;;
  remind) remind ;;
  install-reminder) install_reminder "${2:-}" ;;
  uninstall-reminder) uninstall_reminder ;;
  *) echo "usage: standup.sh gather|post <file>|remind|install-reminder <cron>|uninstall-reminder" >&2; exit 2 ;;
esac
