#!/usr/bin/env bash
# Collect PCI DSS configuration evidence into a dated folder. Read-only against targets.
set -euo pipefail

HOSTS=""; SSH_TARGET=""; OUT="./pci-evidence"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --hosts) HOSTS="$2"; shift 2 ;;
    --ssh) SSH_TARGET="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ -z "$HOSTS" ]] && { echo "--hosts required" >&2; exit 2; }

DIR="$OUT/$(date -u +%F)"
mkdir -p "$DIR"
INDEX="$DIR/INDEX.md"
echo "# PCI evidence index ($(date -u +%FT%TZ))" > "$INDEX"
echo "| Req | File | Collected (UTC) | SHA-256 |" >> "$INDEX"
echo "|---|---|---|---|" >> "$INDEX"

record() { # req file
  local sum; sum=$(sha256sum "$DIR/$2" | cut -d' ' -f1)
  echo "| $1 | $2 | $(date -u +%FT%TZ) | $sum |" >> "$INDEX"
}

IFS=',' read -ra HL <<< "$HOSTS"
for h in "${HL[@]}"; do
  short="${h%%.*}"
  if command -v testssl.sh >/dev/null; then
    testssl.sh --quiet --color 0 --jsonfile "$DIR/tls_${short}.json" "https://$h" >/dev/null || true
  else
    { for v in tls1 tls1_1 tls1_2 tls1_3; do
        if echo | openssl s_client -connect "$h:443" -servername "$h" "-$v" >/dev/null 2>&1; then echo "$v accepted"; else echo "$v refused"; fi
      done; } > "$DIR/tls_${short}.json"
  fi
  record "4.2.1" "tls_${short}.json"

  curl -sSI "https://$h/" > "$DIR/headers_${short}.txt"
  record "11.6.1" "headers_${short}.txt"

  page=$(curl -sSL "https://$h/checkout" || true)
  echo "src,sha256" > "$DIR/scripts_${short}.csv"
  grep -oE '<script[^>]+src="[^"]+"' <<< "$page" | sed -E 's/.*src="([^"]+)"/\1/' | while read -r src; do
    [[ "$src" == //* ]] && src="https:$src"
    [[ "$src" == /* ]] && src="https://$h$src"
    sum=$(curl -sSL "$src" | sha256sum | cut -d' ' -f1)
    echo "$src,$sum" >> "$DIR/scripts_${short}.csv"
  done
  record "6.4.3" "scripts_${short}.csv"
done

if [[ -n "$SSH_TARGET" ]]; then
  ssh -o BatchMode=yes "$SSH_TARGET" 'cat /etc/login.defs /etc/security/pwquality.conf 2>/dev/null | grep -vE "^\s*(#|$)"' > "$DIR/pwpolicy_${SSH_TARGET#*@}.txt" || true
  record "8.3.6" "pwpolicy_${SSH_TARGET#*@}.txt"
  ssh -o BatchMode=yes "$SSH_TARGET" '(apt list --upgradable 2>/dev/null || dnf -q check-update 2>/dev/null) | head -200' > "$DIR/patches_${SSH_TARGET#*@}.txt" || true
  record "6.3.3" "patches_${SSH_TARGET#*@}.txt"
fi

if command -v gam >/dev/null; then
  gam print users fields primaryemail,isadmin,isenrolledin2sv > "$DIR/mfa_workspace.csv" || true
  record "8.4.2" "mfa_workspace.csv"
fi

# refuse to keep anything that looks like card data columns
if grep -lEi '(^|,)(pan|card_?number|cc_number)(,|$)' "$DIR"/*.csv 2>/dev/null; then
  echo "A CSV in $DIR has a card-number column. Remove it before continuing." >&2
  exit 3
fi

echo "Evidence written to $DIR"
