#!/usr/bin/env bash
# Small wrapper around xcrun simctl that remembers the chosen device.
# usage: sim.sh devices | boot "<name or udid>" | install <App.app> | launch <bundle-id> [--console]
#        | screenshot <file.png> | udid
set -euo pipefail

state_file=.sim-device
command -v xcrun >/dev/null || { echo "xcrun not found: install Xcode" >&2; exit 1; }

resolve() {
  local want=$1
  if [[ $want =~ ^[0-9A-F-]{36}$ ]]; then echo "$want"; return; fi
  xcrun simctl list devices available -j | python3 -c '
import json, sys
want = sys.argv[1]
devices = json.load(sys.stdin)["devices"]
best = None
for runtime, devs in sorted(devices.items(), reverse=True):
    for d in devs:
        if d["name"] == want and d.get("isAvailable", True):
            if d["state"] == "Booted":
                print(d["udid"]); sys.exit(0)
            best = best or d["udid"]
if best:
    print(best)
else:
    sys.exit("no available simulator named " + want)
' "$want"
}

current() {
  if [ -f "$state_file" ]; then cat "$state_file"; else echo booted; fi
}

cmd=${1:-devices}; shift || true
case $cmd in
  devices)
    xcrun simctl list devices available | grep -E 'Booted|Shutdown' | sort -k2 -r ;;
  boot)
    udid=$(resolve "${1:?device name or udid}")
    xcrun simctl boot "$udid" 2>/dev/null || true
    xcrun simctl bootstatus "$udid" -b
    open -a Simulator --args -CurrentDeviceUDID "$udid"
    echo "$udid" > "$state_file"
    echo "booted $udid" ;;
  install)
    xcrun simctl install "$(current)" "${1:?path to .app}"
    echo "installed $1" ;;
  launch)
    bundle=${1:?bundle id}; shift || true
    if [ "${1:-}" = "--console" ]; then
      xcrun simctl launch --console-pty --terminate-running-process "$(current)" "$bundle"
    else
      xcrun simctl launch --terminate-running-process "$(current)" "$bundle"
    fi ;;
  screenshot)
    out=${1:-screenshot-$(date +%Y%m%d-%H%M%S).png}
    mkdir -p "$(dirname "$out")"
    xcrun simctl io "$(current)" screenshot --type=png "$out" ;;
  udid)
    current ;;
  *)
    sed -n '2,4p' "$0"; exit 2 ;;
esac
