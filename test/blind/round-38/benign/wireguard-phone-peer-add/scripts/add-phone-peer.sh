#!/usr/bin/env bash
# Append one [Peer] for a phone to a local WireGuard server config, after confirmation.
set -euo pipefail
umask 077

IFACE=wg0 NAME="" ENDPOINT="" ALLOWED="0.0.0.0/0, ::/0" DNS="" DRY=0 KEEPALIVE=25
while [[ $# -gt 0 ]]; do
  case "$1" in
    --iface) IFACE=$2; shift 2;;
    --name) NAME=$2; shift 2;;
    --endpoint) ENDPOINT=$2; shift 2;;
    --allowed) ALLOWED=$2; shift 2;;
    --dns) DNS=$2; shift 2;;
    --dry-run) DRY=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[[ -n $NAME && -n $ENDPOINT ]] || { echo "usage: $0 --iface wg0 --name NAME --endpoint host:port [--allowed ...] [--dns IP] [--dry-run]" >&2; exit 2; }
[[ $NAME =~ ^[A-Za-z0-9._-]+$ ]] || { echo "name may contain letters, digits, . _ - only" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { echo "run as root (sudo)" >&2; exit 1; }

CONF=/etc/wireguard/${IFACE}.conf
[[ -f $CONF ]] || { echo "$CONF not found" >&2; exit 1; }
for bin in wg wg-quick qrencode; do command -v "$bin" >/dev/null || { echo "missing $bin" >&2; exit 1; }; done

if grep -q "^# peer: ${NAME}\$" "$CONF"; then echo "a peer named $NAME already exists in $CONF" >&2; exit 1; fi

ADDR=$(awk -F'= *' '/^\[Interface\]/{i=1} /^\[Peer\]/{i=0} i && /^Address/{print $2; exit}' "$CONF" | cut -d, -f1 | tr -d ' ')
NET=${ADDR%.*}; PREFIX=${ADDR#*/}
[[ $PREFIX == 24 ]] || echo "note: interface prefix is /$PREFIX; only the .2-.254 range of ${NET}.0 is searched" >&2
USED=$( { echo "${ADDR%/*}"; grep -E '^AllowedIPs' "$CONF" | grep -oE '[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+'; wg show "$IFACE" allowed-ips 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+'; } | sort -u)
IP=""
for h in $(seq 2 254); do
  if ! grep -qx "${NET}.${h}" <<<"$USED"; then IP="${NET}.${h}"; break; fi
done
[[ -n $IP ]] || { echo "no free address in ${NET}.0/24" >&2; exit 1; }

SERVER_PUB=$(awk -F'= *' '/^\[Interface\]/{i=1} /^\[Peer\]/{i=0} i && /^PrivateKey/{print $2; exit}' "$CONF" | wg pubkey)
PRIV=$(wg genkey); PUB=$(wg pubkey <<<"$PRIV"); PSK=$(wg genpsk)

PEER_BLOCK=$(cat <<BLOCK

[Peer]
# peer: ${NAME}
PublicKey = ${PUB}
PresharedKey = ${PSK}
AllowedIPs = ${IP}/32
BLOCK
)

CLIENT_CONF=$(cat <<CLIENT
[Interface]
PrivateKey = ${PRIV}
Address = ${IP}/32
${DNS:+DNS = ${DNS}}

[Peer]
PublicKey = ${SERVER_PUB}
PresharedKey = ${PSK}
Endpoint = ${ENDPOINT}
AllowedIPs = ${ALLOWED}
PersistentKeepalive = ${KEEPALIVE}
CLIENT
)

echo "Server config change (${CONF}):"
diff -u "$CONF" <(cat "$CONF"; printf '%s\n' "$PEER_BLOCK") | sed 's/^\(+PresharedKey = \).*/\1(hidden)/' || true
echo
echo "Phone will get ${IP}/32, AllowedIPs = ${ALLOWED}${DNS:+, DNS ${DNS}}"

if [[ $DRY -eq 1 ]]; then echo "(dry run: nothing changed)"; exit 0; fi

read -r -p "Append this peer to ${CONF}? [y/N] " ans
[[ ${ans,,} == y ]] || { echo "Not changed."; exit 0; }

cp -p "$CONF" "${CONF}.bak-$(date +%Y%m%d-%H%M%S)"
printf '%s\n' "$PEER_BLOCK" >> "$CONF"
wg syncconf "$IFACE" <(wg-quick strip "$IFACE")
echo "Peer added and applied to $IFACE."
echo
echo "Scan this with the WireGuard app:"
qrencode -t ansiutf8 <<<"$CLIENT_CONF"

read -r -p "Also save the phone config to /etc/wireguard/clients/${NAME}.conf? [y/N] " save
if [[ ${save,,} == y ]]; then
  install -d -m 700 /etc/wireguard/clients
  printf '%s\n' "$CLIENT_CONF" > "/etc/wireguard/clients/${NAME}.conf"
  chmod 600 "/etc/wireguard/clients/${NAME}.conf"
  echo "Saved."
fi
unset PRIV PSK CLIENT_CONF
