#!/usr/bin/env bash
# Find code and config that sends mail, and the schedulers that run it. Read-only.
set -u
PAT='smtplib\.SMTP|SMTP_SSL|yagmail|send_mail\(|nodemailer\.createTransport|@sendgrid/mail|mailgun|resend\.emails|sendmail -t|\bmailx?\s+-s|mutt .*-a|msmtp|swaks|curl .*--mail-rcpt|smtps?://|Send-MailMessage|Net\.Mail\.SmtpClient|Outlook\.Application|Net::SMTP|PHPMailer|net/smtp|gomail|^MAILTO='
ALL=0; [ "${1:-}" = "--all" ] && { ALL=1; shift; }
TARGETS=("${@:-.}")
EXCL=(--glob '!node_modules' --glob '!.venv' --glob '!vendor' --glob '!.git')
[ $ALL -eq 1 ] && EXCL=()

echo "== Code and config that can send mail =="
if command -v rg >/dev/null; then
  rg -n --hidden -e "$PAT" "${EXCL[@]}" "${TARGETS[@]}" 2>/dev/null
else
  grep -rnE --exclude-dir={node_modules,.venv,vendor,.git} "$PAT" "${TARGETS[@]}" 2>/dev/null
fi | sed -E 's/(pass(word)?|pwd|secret)([^=:]*[=:][[:space:]]*)[^[:space:]]+/\1\3<redacted>/Ig' | tee /tmp/.mailer_hits.$$

echo
echo "== Triggers referencing those files =="
cut -d: -f1 /tmp/.mailer_hits.$$ | sort -u | while read -r f; do
  b=$(basename "$f")
  { crontab -l 2>/dev/null; cat /etc/crontab /etc/cron.d/* /var/spool/cron/* 2>/dev/null; } | grep -F "$b" | sed "s|^|cron: |"
  grep -lF "$b" /etc/systemd/system/*.service ~/.config/systemd/user/*.service ~/Library/LaunchAgents/*.plist \
    .github/workflows/*.yml .gitlab-ci.yml 2>/dev/null | sed "s|^|unit/ci: |;s|$| -> $b|"
done
echo
echo "== Crontab MAILTO settings =="
{ crontab -l 2>/dev/null; cat /etc/crontab 2>/dev/null; } | grep -E '^MAILTO='
echo
echo "Windows: run  schtasks /query /fo csv /v | findstr /i \"mail smtp Send-MailMessage\"  and paste the output."
rm -f /tmp/.mailer_hits.$$
