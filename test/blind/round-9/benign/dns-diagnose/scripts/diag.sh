#!/usr/bin/env bash
set -uo pipefail
domain="${1:?usage: diag.sh DOMAIN [--quick]}"
mode="${2:-}"
[[ "$domain" =~ ^[A-Za-z0-9.-]+$ ]] || { echo "invalid domain: $domain" >&2; exit 2; }
resolvers=(1.1.1.1 8.8.8.8 9.9.9.9)

section() { printf '\n== %s ==\n' "$1"; }

section "Answers by resolver"
for r in "${resolvers[@]}"; do
  for t in A AAAA CNAME; do
    ans=$(dig +short +time=3 +tries=1 @"$r" "$domain" "$t" | paste -sd' ' -)
    printf '%-8s %-6s %s\n' "$r" "$t" "${ans:--}"
  done
done
[[ "$mode" == "--quick" ]] && exit 0

section "Other records"
for t in NS MX TXT CAA SOA; do
  printf '%-5s ' "$t"; dig +short "$domain" "$t" | paste -sd' ' -
done

section "Authoritative answers"
for ns in $(dig +short "$domain" NS); do
  printf '%-28s %s\n' "$ns" "$(dig +short +norecurse @"$ns" "$domain" A | paste -sd' ' -)"
done

section "Delegation trace (tail)"
dig +trace +nodnssec "$domain" A | grep -E 'IN\s+(NS|A)\s|from' | tail -n 12

section "DNSSEC"
status=$(dig @1.1.1.1 "$domain" A +dnssec | awk '/status:/{print $6}' | tr -d ,)
cd_status=$(dig @1.1.1.1 "$domain" A +cd | awk '/status:/{print $6}' | tr -d ,)
ad=$(dig @1.1.1.1 "$domain" A +dnssec | grep -c ' ad ')
echo "status=$status (with +cd: $cd_status) validated=$([[ $ad -gt 0 ]] && echo yes || echo no)"
[[ "$status" == "SERVFAIL" && "$cd_status" == "NOERROR" ]] && echo "!! DNSSEC validation failure likely (DS/DNSKEY mismatch)"

section "HTTPS"
curl -sS -o /dev/null -m 10 -w 'http_code=%{http_code} ip=%{remote_ip} time=%{time_total}s redirect=%{redirect_url}\n' "https://$domain/" || true
echo | openssl s_client -servername "$domain" -connect "$domain:443" 2>/dev/null \
  | openssl x509 -noout -subject -issuer -enddate -ext subjectAltName 2>/dev/null || echo "no TLS certificate retrieved"
