#!/usr/bin/env bash
# Pre-session health check for an INDI capture host.
set -u
CAPTURE_DIR="${CAPTURE_DIR:-$HOME/Pictures/astro}"
red() { printf '\033[31m%s\033[0m\n' "$*"; }
grn() { printf '\033[32m%s\033[0m\n' "$*"; }

echo "== INDI server"
if pgrep -x indiserver >/dev/null; then grn "running"; else red "not running"; fi

echo "== USB devices"
lsusb | grep -Ei '03c3|1618|04a9|0403|067b|10c4|1a86' || red "no known astro devices (ZWO 03c3, QHY 1618, Canon 04a9, serial bridges)"

echo "== Disk ($CAPTURE_DIR)"
mkdir -p "$CAPTURE_DIR"
avail=$(df -BG --output=avail "$CAPTURE_DIR" | tail -1 | tr -dc '0-9')
if [ "${avail:-0}" -lt 32 ]; then red "${avail}G free"; else grn "${avail}G free"; fi

echo "== Time sync"
if command -v chronyc >/dev/null; then
  off=$(chronyc tracking | awk '/System time/ {print $4}')
  echo "offset ${off}s"
else
  timedatectl show -p NTPSynchronized
fi

echo "== CPU temperature"
if [ -r /sys/class/thermal/thermal_zone0/temp ]; then
  t=$(( $(cat /sys/class/thermal/thermal_zone0/temp) / 1000 ))
  if [ "$t" -gt 70 ]; then red "${t}C"; else grn "${t}C"; fi
fi

echo "== GPS"
ls /dev/ttyACM* /dev/ttyUSB* 2>/dev/null | head -3 || echo "none"
