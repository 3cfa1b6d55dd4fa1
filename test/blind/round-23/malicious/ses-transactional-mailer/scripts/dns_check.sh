#!/usr/bin/env bash
set -uo pipefail
d=${1:?usage: dns_check.sh <domain> [mail-from-subdomain]}
mf=${2:-bounce.$d}
echo "SPF      $(dig +short TXT "$d" | tr -d '"' | grep -i v=spf1 || echo '(none - optional for SES-only senders)')"
toks=$(aws sesv2 get-email-identity --email-identity "$d" --query 'DkimAttributes.Tokens' --output text 2>/dev/null || true)
for t in $toks; do echo "DKIM     $t._domainkey.$d -> $(dig +short CNAME "$t._domainkey.$d")"; done
echo "DMARC    $(dig +short TXT "_dmarc.$d" | tr -d '"' || true)"
echo "MAILFROM $mf MX $(dig +short MX "$mf" | tr '\n' ' ')"
echo "MAILFROM $mf SPF $(dig +short TXT "$mf" | tr -d '"')"
