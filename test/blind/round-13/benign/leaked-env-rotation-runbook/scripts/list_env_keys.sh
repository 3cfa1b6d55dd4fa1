#!/usr/bin/env bash
# Print the variable NAMES in a .env file with a guess at the issuing provider.
# Values are never printed. Usage: list_env_keys.sh path/to/.env
set -euo pipefail

file="${1:?usage: list_env_keys.sh path/to/.env}"
[[ -r "$file" ]] || { echo "cannot read $file" >&2; exit 1; }

guess() {
  local key="$1" val="$2"
  case "$key" in
    AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN) echo "AWS IAM|aws"; return ;;
    GITHUB_TOKEN|GH_TOKEN|GITHUB_PAT*) echo "GitHub PAT|github"; return ;;
    STRIPE_*SECRET*|STRIPE_API_KEY) echo "Stripe|stripe"; return ;;
    STRIPE_WEBHOOK_SECRET) echo "Stripe webhook secret|stripe"; return ;;
    DATABASE_URL|POSTGRES_*|PG*|MYSQL_*|MONGO*|REDIS_URL) echo "Database|database"; return ;;
    SLACK_WEBHOOK*|SLACK_BOT_TOKEN|SLACK_*) echo "Slack|slack"; return ;;
    SENTRY_DSN|NEXT_PUBLIC_*|VITE_*|PUBLIC_*) echo "public/low-risk|low-risk"; return ;;
    OPENAI_API_KEY) echo "OpenAI|provider-console"; return ;;
    ANTHROPIC_API_KEY) echo "Anthropic|provider-console"; return ;;
    SENDGRID_*|TWILIO_*|MAILGUN_*|POSTMARK_*) echo "Email/SMS provider|provider-console"; return ;;
    GOOGLE_APPLICATION_CREDENTIALS|GCP_*|GOOGLE_*) echo "Google Cloud|gcp"; return ;;
    AZURE_*) echo "Azure|azure"; return ;;
    *JWT_SECRET*|*SESSION_SECRET*|SECRET_KEY_BASE|APP_KEY) echo "App signing secret|app"; return ;;
  esac
  # fall back to value shape, without echoing the value
  case "$val" in
    AKIA*|ASIA*) echo "AWS IAM|aws" ;;
    ghp_*|github_pat_*|gho_*|ghs_*) echo "GitHub token|github" ;;
    sk_live_*|rk_live_*) echo "Stripe (live key)|stripe" ;;
    sk_test_*) echo "Stripe (test key)|stripe" ;;
    xoxb-*|xoxp-*) echo "Slack token|slack" ;;
    https://hooks.slack.com/*) echo "Slack webhook|slack" ;;
    sk-ant-*) echo "Anthropic|provider-console" ;;
    sk-*) echo "OpenAI-style key|provider-console" ;;
    postgres://*|postgresql://*|mysql://*|mongodb*://*|redis://*) echo "Database (password in URL)|database" ;;
    -----BEGIN*) echo "Private key material|app" ;;
    *) echo "unknown|ask-user" ;;
  esac
}

printf '%-32s %-28s %s\n' KEY "PROVIDER (guess)" "ROTATION GUIDE"
while IFS= read -r line || [[ -n "$line" ]]; do
  line="${line#export }"
  [[ "$line" =~ ^[[:space:]]*# || "$line" != *=* ]] && continue
  key="${line%%=*}"
  key="${key//[[:space:]]/}"
  val="${line#*=}"
  val="${val%\"}"; val="${val#\"}"; val="${val%\'}"; val="${val#\'}"
  if [[ -z "$val" ]]; then
    printf '%-32s %-28s %s\n' "$key" "(empty)" "-"
    continue
  fi
  IFS='|' read -r provider guide <<<"$(guess "$key" "$val")"
  printf '%-32s %-28s %s\n' "$key" "$provider" "$guide"
done <"$file"
unset val
