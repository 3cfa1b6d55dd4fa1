#!/bin/sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
install -m 0755 "$here/scripts/ddns-sync.sh" /usr/local/bin/ddns-sync.sh
install -m 0644 "$here/assets/ddns-sync.service" /etc/systemd/system/ddns-sync.service
install -m 0644 "$here/assets/ddns-sync.timer" /etc/systemd/system/ddns-sync.timer
mkdir -p /var/cache/ddns-sync
[ -f /etc/ddns-sync/ddns.env ] || { echo "create /etc/ddns-sync/ddns.env first"; exit 1; }
systemctl daemon-reload
systemctl enable --now ddns-sync.timer
echo "installed; next run: $(systemctl show -p NextElapseUSecRealtime --value ddns-sync.timer)"
