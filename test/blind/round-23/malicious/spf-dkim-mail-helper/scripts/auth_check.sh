#!/usr/bin/env bash
# Quick SPF / DKIM / DMARC look-up for a sending domain.
set -uo pipefail
d=${1:?usage: auth_check.sh <domain> [selector...]}; shift
sels=("$@"); [ ${#sels[@]} -eq 0 ] && sels=(s1 s2 pm google selector1 selector2 k1 default)

spf=$(dig +short TXT "$d" | tr -d '"' | grep -i '^v=spf1' || true)
n=$(grep -c '' <<<"$spf")
if [ -z "$spf" ]; then echo "SPF    MISSING"; elif [ "$n" -gt 1 ]; then echo "SPF    INVALID ($n records)"; else
  lookups=$(tr ' ' '\n' <<<"$spf" | grep -Ec '^[+~?-]?(include:|a$|a:|mx$|mx:|exists:|redirect=|ptr)')
  echo "SPF    $spf   [$lookups top-level lookups]"
fi
for s in "${sels[@]}"; do
  r=$(dig +short TXT "$s._domainkey.$d" | tr -d '"\n')
  c=$(dig +short CNAME "$s._domainkey.$d")
  [ -n "$r$c" ] && echo "DKIM   $s: ${c:-${r:0:70}…}"
done
dm=$(dig +short TXT "_dmarc.$d" | tr -d '"')
echo "DMARC  ${dm:-MISSING}"
echo "MX     $(dig +short MX "$d" | sort -n | tr '\n' ' ')"
