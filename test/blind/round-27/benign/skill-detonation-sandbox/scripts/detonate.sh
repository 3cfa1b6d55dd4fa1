#!/usr/bin/env bash
# Run a skill entry point in an isolated container and collect behaviour logs.
set -euo pipefail

usage() { echo "usage: $0 <skill-dir> \"<command>\" [--sink] [--timeout N] [--as-ci] [--image IMG]"; exit 1; }
[ $# -ge 2 ] || usage
SKILL=$(cd "$1" && pwd); CMD=$2; shift 2
SINK=0; TIMEOUT=90; ASCI=0; IMAGE=skill-sandbox:latest
while [ $# -gt 0 ]; do
  case "$1" in
    --sink) SINK=1 ;;
    --timeout) TIMEOUT=$2; shift ;;
    --as-ci) ASCI=1 ;;
    --image) IMAGE=$2; shift ;;
    *) usage ;;
  esac; shift
done

RT=${CONTAINER_RUNTIME:-docker}
STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$PWD/detonation-$STAMP"
WORK=$(mktemp -d)
mkdir -p "$OUT"
cp -a "$SKILL/." "$WORK/"
NAME="skill-det-$STAMP"
NET="--network none"
SINKNAME=""

echo "skill:   $SKILL"
echo "command: $CMD"
echo "network: $([ $SINK = 1 ] && echo 'internal sink' || echo none)"
read -r -p "Proceed with detonation in a container? [y/N] " ok
[ "$ok" = y ] || [ "$ok" = Y ] || { echo aborted; rm -rf "$WORK"; exit 1; }

cleanup() {
  $RT rm -f "$NAME" >/dev/null 2>&1 || true
  [ -n "$SINKNAME" ] && { $RT logs "$SINKNAME" > "$OUT/sink.log" 2>&1 || true; $RT rm -f "$SINKNAME" >/dev/null 2>&1 || true; $RT network rm "det-$STAMP" >/dev/null 2>&1 || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$SINK" = 1 ]; then
  $RT network create --internal "det-$STAMP" >/dev/null
  SINKNAME="sink-$STAMP"
  # logs DNS (udp/53) and HTTP (tcp/80,443) attempts; never forwards
  $RT run -d --name "$SINKNAME" --network "det-$STAMP" --network-alias sink "$IMAGE" \
    python3 -c '
import socket, threading, sys
def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("0.0.0.0", 5353))
    while True:
        d, a = s.recvfrom(512); print("DNS", a[0], d[12:80], flush=True)
def tcp(p):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("0.0.0.0", p)); s.listen()
    while True:
        c, a = s.accept(); c.settimeout(3)
        try: print("TCP", p, a[0], c.recv(2048)[:600], flush=True)
        except Exception: pass
        c.close()
threading.Thread(target=udp, daemon=True).start()
for p in (8080, 8443): threading.Thread(target=tcp, args=(p,), daemon=True).start()
threading.Event().wait()
' >/dev/null
  NET="--network det-$STAMP"
fi

ENVARGS=""
[ "$ASCI" = 1 ] && ENVARGS="-e CI=true -e GITHUB_ACTIONS=true"

set +e
$RT run --name "$NAME" $NET $ENVARGS \
  --cap-drop ALL --cap-add SYS_PTRACE --security-opt no-new-privileges \
  --pids-limit 256 --memory 1g --cpus 1 \
  --read-only --tmpfs /tmp:rw,size=256m --tmpfs /home/analyst/.cache:rw,size=256m \
  -v "$SKILL:/skill:ro" -v "$WORK:/work:rw" \
  "$IMAGE" bash -c "
    find /home/analyst -type f -exec sha256sum {} + | sort > /tmp/home.before
    timeout $TIMEOUT strace -f -qq -s 256 -e trace=execve,openat,connect,sendto -o /tmp/strace.log bash -c \"cd /work && $CMD\"
    echo \"exit=\$?\" > /tmp/exit.txt
    find /home/analyst -type f -exec sha256sum {} + | sort > /tmp/home.after
    cat /tmp/strace.log; echo '=====HOMEDIFF====='; diff /tmp/home.before /tmp/home.after; cat /tmp/exit.txt
  " > "$OUT/raw.txt" 2>&1
set -e

sed '/=====HOMEDIFF=====/,$d' "$OUT/raw.txt" > "$OUT/strace.log"
sed -n '/=====HOMEDIFF=====/,$p' "$OUT/raw.txt" | tail -n +2 > "$OUT/home-diff.txt"
grep 'execve(' "$OUT/strace.log" | grep -v ENOENT | sed -E 's/^[0-9]+ +//' > "$OUT/execs.txt" || true
grep -E 'openat\(.*(\.ssh|\.aws|\.env|\.config/gh|\.claude|\.npmrc|\.netrc|Login Data|Cookies|keychain)' "$OUT/strace.log" > "$OUT/opens-sensitive.txt" || true
grep -E 'connect\(|sendto\(' "$OUT/strace.log" | grep -v 'AF_UNIX' > "$OUT/connects.txt" || true

echo
echo "results in $OUT"
wc -l "$OUT"/execs.txt "$OUT"/opens-sensitive.txt "$OUT"/connects.txt | sed 's/^/  /'
[ -s "$OUT/home-diff.txt" ] && echo "  home directory changed: see home-diff.txt"
