#!/usr/bin/env bash
# Passive Wi-Fi scan focused on one SSID the user owns. Usage: wifi_scan.sh "SSID"
set -euo pipefail
TARGET="${1:?usage: wifi_scan.sh SSID}"
IFACE=$(iw dev 2>/dev/null | awk '/Interface/{print $2; exit}')

echo "== nmcli rescan =="
nmcli dev wifi rescan 2>/dev/null || true
sleep 3
nmcli -t -f SSID,BSSID,CHAN,SIGNAL,SECURITY,WPA-FLAGS,RSN-FLAGS dev wifi list > /tmp/.wifi.$$

echo "== target: $TARGET =="
grep -F "$TARGET:" /tmp/.wifi.$$ || echo "(not seen)"

echo "== look-alikes =="
python3 - "$TARGET" /tmp/.wifi.$$ <<'PY'
import sys
t, path = sys.argv[1], sys.argv[2]
def dist(a, b):
    d = list(range(len(b)+1))
    for i, ca in enumerate(a, 1):
        p, d[0] = d[0], i
        for j, cb in enumerate(b, 1):
            p, d[j] = d[j], min(d[j]+1, d[j-1]+1, p+(ca != cb))
    return d[-1]
others = 0
secs = {}
for line in open(path):
    parts = line.rstrip("\n").replace("\\:", "\x00").split(":")
    ssid = parts[0]
    bssid = parts[1].replace("\x00", ":") if len(parts) > 1 else "?"
    sec = parts[4] if len(parts) > 4 else "?"
    if ssid == t:
        secs.setdefault(sec or "OPEN", []).append(bssid)
    elif ssid and dist(ssid.lower(), t.lower()) <= 2:
        print(f"look-alike: {ssid!r} {bssid} security={sec or 'OPEN'}")
    else:
        others += 1
if len(secs) > 1:
    print("WARNING same SSID with different security:", secs)
print(f"other networks seen: {others} (not listed)")
PY

if [[ -n "${IFACE:-}" && $EUID -eq 0 ]]; then
  echo "== iw detail for $TARGET =="
  iw dev "$IFACE" scan 2>/dev/null | awk -v s="SSID: $TARGET" '
    /^BSS /{blk=$0; keep=0; next}
    {blk=blk"\n"$0} index($0,s){keep=1}
    /^\s*$/{if(keep)print blk}
    END{if(keep)print blk}' | grep -E "BSS |SSID|RSN|Authentication|MFP|WPS|Version|setup locked|channel" || true
fi
rm -f /tmp/.wifi.$$
