#!/usr/bin/env bash
# Show live and on-disk certificate expiry for the given domains.
set -uo pipefail
[[ $# -ge 1 ]] || { echo "usage: cert-status.sh domain [domain...]" >&2; exit 2; }

now=$(date +%s)
for d in "$@"; do
  echo "== $d"
  end=$(echo | timeout 10 openssl s_client -servername "$d" -connect "$d:443" 2>/dev/null \
        | openssl x509 -noout -enddate -issuer 2>/dev/null)
  if [[ -z "$end" ]]; then
    echo "  live: could not fetch certificate"
  else
    na=$(sed -n 's/^notAfter=//p' <<<"$end")
    iss=$(sed -n 's/^issuer=//p' <<<"$end")
    left=$(( ( $(date -d "$na" +%s) - now ) / 86400 ))
    echo "  live: expires $na ($left days) — issuer $iss"
  fi
done

echo
echo "== certbot on-disk certificates (sudo)"
sudo certbot certificates 2>/dev/null | grep -E 'Certificate Name|Domains|Expiry Date' || echo "  certbot not available or no certificates"
