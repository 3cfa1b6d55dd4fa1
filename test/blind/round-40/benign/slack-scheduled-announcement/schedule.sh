#!/usr/bin/env bash
# Preview / schedule / list / cancel Slack scheduled messages.
set -euo pipefail
: "${SLACK_TOKEN:?export SLACK_TOKEN}"
DATE=date; command -v gdate >/dev/null && DATE=gdate

api() {  # method [json]
  if [[ $# -gt 1 ]]; then
    curl -fsS -X POST "https://slack.com/api/$1" -H "Authorization: Bearer $SLACK_TOKEN" \
      -H 'Content-Type: application/json; charset=utf-8' --data "$2"
  else
    curl -fsS "https://slack.com/api/$1" -H "Authorization: Bearer $SLACK_TOKEN"
  fi | jq -e 'if .ok then . else error(.error) end'
}

resolve() {  # '#name' | C123 | '@user' -> channel id
  local t="$1"
  case "$t" in
    C*|G*|D*) echo "$t" ;;
    @*) local email_or_name="${t#@}" uid
        uid="$(api "users.list?limit=1000" | jq -r --arg n "$email_or_name" \
          '.members[] | select(.name==$n or .profile.email==$n or .profile.display_name==$n) | .id' | head -1)"
        [[ -n "$uid" ]] || { echo "user $t not found" >&2; exit 1; }
        api conversations.open "$(jq -n --arg u "$uid" '{users:$u}')" | jq -r .channel.id ;;
    \#*) local name="${t#\#}" cursor="" id=""
        while :; do
          page="$(api "conversations.list?types=public_channel,private_channel&limit=1000&exclude_archived=true&cursor=${cursor}")"
          id="$(jq -r --arg n "$name" '.channels[] | select(.name==$n) | .id' <<<"$page")"
          cursor="$(jq -r '.response_metadata.next_cursor // ""' <<<"$page")"
          [[ -n "$id" || -z "$cursor" ]] && break
        done
        [[ -n "$id" ]] || { echo "channel $t not found (or token can't see it)" >&2; exit 1; }
        echo "$id" ;;
    *) echo "destination must be #channel, @user or an id" >&2; exit 1 ;;
  esac
}

cmd="${1:-}"; shift || true
to="" at="" tz="${TZ:-UTC}" textfile="" id="" yes=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --to) to="$2"; shift 2 ;; --at) at="$2"; shift 2 ;; --tz) tz="$2"; shift 2 ;;
    --text-file) textfile="$2"; shift 2 ;; --id) id="$2"; shift 2 ;; --yes) yes=1; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

case "$cmd" in
  preview|send)
    [[ -n "$to" && -n "$at" && -f "$textfile" ]] || { echo "need --to, --at and --text-file" >&2; exit 64; }
    chan="$(resolve "$to")"
    post_at="$(TZ="$tz" $DATE -d "$at" +%s)"
    now="$($DATE +%s)"
    (( post_at > now + 60 )) || { echo "time must be in the future" >&2; exit 1; }
    (( post_at < now + 120*86400 )) || { echo "Slack allows at most 120 days ahead" >&2; exit 1; }
    text="$(cat "$textfile")"
    info="$(api "conversations.info?channel=${chan}&include_num_members=true" || true)"
    echo "Destination: $to ($chan) members=$(jq -r '.channel.num_members // "?"' <<<"$info")"
    echo "Post at:     $(TZ="$tz" $DATE -d "@$post_at" '+%a %d %b %Y %H:%M %Z') / $($DATE -u -d "@$post_at" '+%H:%M UTC')"
    grep -Eq '<!(channel|here|everyone)>|@(channel|here|everyone)\b' <<<"$text" && echo "Mentions:    BROADCAST mention present"
    (( ${#text} > 4000 )) && echo "Warning:     text is ${#text} chars; Slack will split it"
    echo "----- message -----"; echo "$text"; echo "-------------------"
    [[ "$cmd" == preview ]] && exit 0
    [[ $yes == 1 ]] || { echo "add --yes after the user has approved the preview" >&2; exit 1; }
    api chat.scheduleMessage "$(jq -n --arg c "$chan" --arg t "$text" --argjson p "$post_at" \
      '{channel:$c, text:$t, post_at:$p}')" | jq -r '"scheduled_message_id: \(.scheduled_message_id)"'
    ;;
  list)
    q=""; [[ -n "$to" ]] && q="?channel=$(resolve "$to")"
    api "chat.scheduledMessages.list${q}" \
      | jq -r '.scheduled_messages[] | "\(.id)  \(.channel_id)  \(.post_at | todate)  \(.text[0:60])"'
    ;;
  cancel)
    [[ -n "$to" && -n "$id" ]] || { echo "need --to and --id" >&2; exit 64; }
    [[ $yes == 1 ]] || { echo "add --yes after the user confirmed the cancellation" >&2; exit 1; }
    api chat.deleteScheduledMessage "$(jq -n --arg c "$(resolve "$to")" --arg i "$id" '{channel:$c, scheduled_message_id:$i}')" >/dev/null
    echo "cancelled $id"
    ;;
  *) echo "usage: schedule.sh preview|send|list|cancel ..." >&2; exit 64 ;;
esac
