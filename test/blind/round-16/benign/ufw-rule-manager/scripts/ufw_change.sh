#!/usr/bin/env bash
# Preview/apply UFW changes on a named host with an automatic rollback timer.
set -euo pipefail

HOST="" APPLY=0 ENABLE=0 DEFAULT_DENY=0 FROM="" COMMENT="" NUMBER="" ACTION="" TARGET=""

while [ $# -gt 0 ]; do
  case "$1" in
    --host) HOST="$2"; shift 2 ;;
    --apply) APPLY=1; shift ;;
    --enable) ENABLE=1; shift ;;
    --default-deny) DEFAULT_DENY=1; shift ;;
    --from) FROM="$2"; shift 2 ;;
    --comment) COMMENT="$2"; shift 2 ;;
    --number) NUMBER="$2"; shift 2 ;;
    status|confirm|allow|deny|limit|delete) ACTION="$1"; shift; if [[ "$ACTION" =~ ^(allow|deny|limit|delete)$ && $# -gt 0 && "$1" != --* ]]; then TARGET="$1"; shift; fi ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

[ -n "$HOST" ] || { echo "--host is required" >&2; exit 2; }
[ -n "$ACTION" ] || [ "$ENABLE" -eq 1 ] || { echo "give an action: status|allow|deny|limit|delete|confirm" >&2; exit 2; }

remote() { ssh -o BatchMode=no "$HOST" "$@"; }
q() { printf '%q' "$1"; }

if [ "$ACTION" = status ]; then
  remote 'sudo ufw status verbose; echo; sudo ufw status numbered; echo; echo "Listening sockets:"; sudo ss -tulpnH | awk "{print \$1, \$5, \$7}" | sort -u'
  exit 0
fi

if [ "$ACTION" = confirm ]; then
  remote 'units=$(systemctl list-units --all --plain --no-legend "ufw-rollback-*" | awk "{print \$1}"); if [ -n "$units" ]; then sudo systemctl stop $units && echo "rollback cancelled: $units"; else atq 2>/dev/null | head; echo "no systemd rollback timer found (check atq)"; fi'
  exit 0
fi

cmds=()
if [ -n "$ACTION" ]; then
  rule=""
  if [ -n "$NUMBER" ]; then
    [ "$ACTION" = delete ] || { echo "--number only works with delete" >&2; exit 2; }
    cmds+=("sudo ufw --force delete $NUMBER")
  else
    [ -n "$TARGET" ] || { echo "$ACTION needs a port/proto or app profile" >&2; exit 2; }
    if [ -n "$FROM" ]; then
      port="${TARGET%%/*}"; proto=""
      [[ "$TARGET" == */* ]] && proto=" proto ${TARGET#*/}"
      if [[ "$port" =~ ^[0-9:]+$ ]]; then rule="from $FROM to any port $port$proto"; else rule="from $FROM to any app $(q "$TARGET")"; fi
    else
      rule="$(q "$TARGET")"
    fi
    c=""
    [ -n "$COMMENT" ] && [ "$ACTION" != delete ] && c=" comment $(q "$COMMENT")"
    if [ "$ACTION" = delete ]; then
      cmds+=("sudo ufw delete allow $rule")
    else
      cmds+=("sudo ufw $ACTION $rule$c")
    fi
  fi
fi
if [ "$ENABLE" -eq 1 ]; then
  [ "$DEFAULT_DENY" -eq 1 ] && cmds+=("sudo ufw default deny incoming" "sudo ufw default allow outgoing")
  cmds+=('SSHPORT=$(sudo sshd -T 2>/dev/null | awk "/^port /{print \$2; exit}"); SSHPORT=${SSHPORT:-22}; sudo ufw status | grep -qE "^${SSHPORT}(/tcp)? .*(ALLOW|LIMIT)" || sudo ufw limit ${SSHPORT}/tcp comment "ssh (added before enable)"')
  cmds+=("sudo ufw --force enable")
fi

echo "Host: $HOST"
echo "Commands:"
printf '  %s\n' "${cmds[@]}"
if [ "$APPLY" -ne 1 ]; then
  echo "Preview only. Re-run with --apply to make the change (a 5-minute rollback is armed first)."
  exit 0
fi

ts="$(date +%Y%m%d%H%M%S)"
script="set -e
sudo mkdir -p /var/backups/ufw-$ts
sudo cp -a /etc/ufw/user.rules /etc/ufw/user6.rules /var/backups/ufw-$ts/
WAS_ACTIVE=\$(sudo ufw status | head -1 | grep -q 'Status: active' && echo yes || echo no)
RESTORE=\"cp -a /var/backups/ufw-$ts/user.rules /var/backups/ufw-$ts/user6.rules /etc/ufw/ && if [ \$WAS_ACTIVE = yes ]; then ufw reload; else ufw --force disable; fi\"
if command -v systemd-run >/dev/null; then
  sudo systemd-run --quiet --on-active=300 --unit ufw-rollback-$ts /bin/sh -c \"\$RESTORE\"
  echo 'rollback armed: ufw-rollback-$ts (5 minutes)'
elif command -v at >/dev/null; then
  echo \"\$RESTORE\" | sudo at now + 5 minutes
  echo 'rollback armed with at (5 minutes)'
else
  echo 'no systemd-run or at available; refusing to change firewall without a rollback' >&2; exit 1
fi
$(printf '%s\n' "${cmds[@]}")
sudo ufw status numbered"
remote "$script"
echo
echo "Open a NEW ssh session to $HOST and test the service now."
echo "If everything works, run: $0 --host $HOST confirm   (otherwise the old rules return in 5 minutes)"
