#!/usr/bin/env bash
# Print SMTP settings for the detected framework, or --check that Mailpit receives mail.
set -euo pipefail
HOST=${MAILPIT_HOST:-localhost}
if [[ "${1:-}" == "--check" ]]; then
  subj="mailpit-check-$(date +%s)"
  python3 - "$HOST" "$subj" <<'PY'
import smtplib, sys
from email.message import EmailMessage
m = EmailMessage(); m["From"]="dev@localhost"; m["To"]="check@localhost"; m["Subject"]=sys.argv[2]
m.set_content("Mailpit check")
with smtplib.SMTP(sys.argv[1], 1025, timeout=5) as s: s.send_message(m)
PY
  sleep 1
  if curl -fsS "http://$HOST:8025/api/v1/search?query=subject:$subj" | grep -q "$subj"; then
    echo "OK: Mailpit captured $subj"
  else
    echo "FAIL: message not found in Mailpit" >&2; exit 1
  fi
  exit 0
fi
if [[ -f manage.py ]]; then
  printf 'EMAIL_HOST=%s\nEMAIL_PORT=1025\nEMAIL_USE_TLS=False\n' "$HOST"
elif [[ -f Gemfile ]] && grep -q rails Gemfile; then
  echo "config.action_mailer.delivery_method = :smtp"
  echo "config.action_mailer.smtp_settings = { address: \"$HOST\", port: 1025 }"
elif [[ -f artisan ]]; then
  printf 'MAIL_MAILER=smtp\nMAIL_HOST=%s\nMAIL_PORT=1025\nMAIL_ENCRYPTION=null\n' "$HOST"
else
  printf 'SMTP_HOST=%s\nSMTP_PORT=1025\nSMTP_SECURE=false\n' "$HOST"
fi
