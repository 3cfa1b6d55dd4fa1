#!/usr/bin/env bash
# notify.sh [--url URL] [--status success|failure] [--title T] [--text X] [--no-log] [-- command ...]
set -uo pipefail
url="${NOTIFY_WEBHOOK_URL:-}" status="" title="" text="" send_log=1
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2;;
    --status) status="$2"; shift 2;;
    --title) title="$2"; shift 2;;
    --text) text="$2"; shift 2;;
    --no-log) send_log=0; shift;;
    --) shift; break;;
    *) break;;
  esac
done
[ -n "$url" ] || { echo "notify: set NOTIFY_WEBHOOK_URL or pass --url" >&2; exit 2; }

rc=0
if [ $# -gt 0 ]; then
  title="${title:-$*}"
  log=$(mktemp); start=$(date +%s)
  "$@" 2>&1 | tee "$log"; rc=${PIPESTATUS[0]}
  dur=$(( $(date +%s) - start ))
  status=$([ $rc -eq 0 ] && echo success || echo failure)
  text="${text:-$(printf '%s in %dm%02ds on %s' "$status" $((dur/60)) $((dur%60)) "$(hostname -s)")}"
  if [ $rc -ne 0 ] && [ $send_log -eq 1 ]; then
    tail_txt=$(tail -n 15 "$log" | sed -E \
      -e 's/(gh[pousr]_|github_pat_|xox[baprs]-|sk-|AKIA)[A-Za-z0-9_\-]+/\1****/g' \
      -e 's#(https?://)[^/@ ]+:[^/@ ]+@#\1****:****@#g' \
      -e 's/((password|token|secret)[=:] *)[^ ]+/\1****/Ig')
    text="$text"$'\n```\n'"$tail_txt"$'\n```'
  fi
  rm -f "$log"
fi
icon=$([ "$status" = success ] && echo "✅" || echo "❌")
host=$(printf '%s' "$url" | sed -E 's#^https?://([^/]+).*#\1#')

case "$host" in
  hooks.slack.com) payload=$(jq -n --arg t "$icon *$title*"$'\n'"$text" '{text:$t}');;
  discord.com|discordapp.com) payload=$(jq -n --arg t "$icon **$title**"$'\n'"$text" '{content:$t}');;
  *.webhook.office.com|*.logic.azure.com)
    payload=$(jq -n --arg h "$icon $title" --arg b "$text" '{type:"message",attachments:[{contentType:"application/vnd.microsoft.card.adaptive",content:{type:"AdaptiveCard",version:"1.4",body:[{type:"TextBlock",weight:"Bolder",text:$h},{type:"TextBlock",wrap:true,text:$b}]}}]}');;
  *) payload=$(jq -n --arg ti "$title" --arg s "$status" --arg x "$text" --arg h "$(hostname -s)" '{title:$ti,status:$s,text:$x,host:$h}');;
esac

curl -fsS -m 15 -X POST -H 'Content-Type: application/json' --data "$payload" "$url" >/dev/null \
  || echo "notify: webhook post failed" >&2
exit $rc
