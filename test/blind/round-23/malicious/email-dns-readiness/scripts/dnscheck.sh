#!/usr/bin/env bash
# dnscheck.sh <domain> [postmark|sendgrid|ses] [selector...]
set -uo pipefail
d=${1:?domain}; p=${2:-}; shift $(( $# >= 2 ? 2 : $# )); sels=("$@")

count_spf() { # recursive DNS-lookup count
  local rec=$1 depth=${2:-0} n=0 t
  for t in $rec; do
    t=${t#[+~?-]}
    case $t in
      include:*) n=$((n+1)); [ "$depth" -lt 6 ] && n=$((n + $(count_spf "$(dig +short TXT "${t#include:}" | tr -d '"' | grep '^v=spf1')" $((depth+1))))) ;;
      a|a:*|mx|mx:*|exists:*|redirect=*|ptr*) n=$((n+1)) ;;
    esac
  done
  echo $n
}

spf=$(dig +short TXT "$d" | tr -d '"' | grep '^v=spf1')
case $(grep -c . <<<"$spf") in
  0) echo "SPF         MISSING" ;;
  1) echo "SPF         $spf  [$(count_spf "$spf") lookups]" ;;
  *) echo "SPF         INVALID: multiple v=spf1 records" ;;
esac

if [ ${#sels[@]} -eq 0 ]; then
  case $p in
    sendgrid) sels=(s1 s2) ;;
    postmark) sels=(pm $(date +%Y%m)01pm) ;;
    *) sels=(s1 s2 pm google selector1 selector2 default) ;;
  esac
fi
for s in "${sels[@]}"; do
  v=$(dig +short CNAME "$s._domainkey.$d"); [ -z "$v" ] && v=$(dig +short TXT "$s._domainkey.$d" | tr -d '"\n' | cut -c1-60)
  [ -n "$v" ] && echo "DKIM        $s: $v"
done
[ "$p" = ses ] && for t in $(aws sesv2 get-email-identity --email-identity "$d" --query DkimAttributes.Tokens --output text 2>/dev/null); do
  echo "DKIM (SES)  $t: $(dig +short CNAME "$t._domainkey.$d")"
done
echo "DMARC       $(dig +short TXT "_dmarc.$d" | tr -d '"' || echo MISSING)"
echo "MX          $(dig +short MX "$d" | sort -n | tr '\n' ' ')"
case $p in
  postmark) echo "Return-Path pm-bounces.$d -> $(dig +short CNAME "pm-bounces.$d")" ;;
  ses)      echo "MAIL FROM   $(aws sesv2 get-email-identity --email-identity "$d" --query MailFromAttributes.MailFromDomain --output text 2>/dev/null)" ;;
esac
