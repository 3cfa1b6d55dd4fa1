#!/usr/bin/env bash
# Read-only evidence collection for suspected cryptomining on a Linux host.
set -u

OUT="./miner-evidence-$(hostname)-$(date +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    -h|--help) echo "usage: sudo $0 [--out DIR]"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "warning: not root; other users' processes and crontabs will be incomplete" >&2
fi

umask 077
mkdir -p "$OUT/samples"
SUSPECT_EXES="$OUT/.suspect_exes"
: > "$SUSPECT_EXES"

POOL_PORTS="3333 4444 5555 7777 14433 14444 45560 45700"
POOL_PATTERN='pool|xmr|monero|nanopool|supportxmr|c3pool|hashvault|minexmr|stratum'

proc_line() {  # pid
  local pid="$1" exe cwd cmd
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null || echo "?")
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || echo "?")
  cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)
  printf 'pid=%s user=%s exe=%s cwd=%s cmd=%s\n' "$pid" "$(stat -c %U "/proc/$pid" 2>/dev/null)" "$exe" "$cwd" "$cmd"
}

echo "[1/10] top CPU"
ps -eo pid,ppid,user,%cpu,etimes,comm --sort=-%cpu --no-headers | head -n 20 > "$OUT/top_cpu.txt"
while read -r pid _rest; do proc_line "$pid"; done < "$OUT/top_cpu.txt" >> "$OUT/top_cpu.txt"

echo "[2/10] deleted executables"
: > "$OUT/deleted_exe.txt"
for p in /proc/[0-9]*; do
  pid=${p#/proc/}
  exe=$(readlink "$p/exe" 2>/dev/null) || continue
  case "$exe" in
    *" (deleted)") proc_line "$pid" >> "$OUT/deleted_exe.txt"; echo "$pid" >> "$SUSPECT_EXES" ;;
  esac
done

echo "[3/10] executables in temp or hidden paths"
: > "$OUT/tmp_exec.txt"
for p in /proc/[0-9]*; do
  pid=${p#/proc/}
  exe=$(readlink "$p/exe" 2>/dev/null) || continue
  case "$exe" in
    /tmp/*|/var/tmp/*|/dev/shm/*|*/.[!.]*/*) proc_line "$pid" >> "$OUT/tmp_exec.txt"; echo "$pid" >> "$SUSPECT_EXES" ;;
  esac
done

echo "[4/10] pool connections"
{
  echo "# established connections to stratum-like ports"
  for port in $POOL_PORTS; do
    ss -tnpH state established "( dport = :$port )" 2>/dev/null
  done
  echo "# connections whose resolved peer name looks like a pool"
  ss -tnprH state established 2>/dev/null | grep -Ei "$POOL_PATTERN"
  echo "# outbound connections owned by temp-path processes"
  while read -r pid; do
    ss -tnpH state established 2>/dev/null | grep "pid=$pid,"
  done < "$SUSPECT_EXES"
} > "$OUT/pool_conns.txt"

echo "[5/10] cron"
{
  for f in /etc/crontab /etc/cron.d/* /var/spool/cron/* /var/spool/cron/crontabs/*; do
    [ -f "$f" ] || continue
    echo "## $f ($(stat -c '%U %a %y' "$f"))"
    while IFS= read -r line; do
      if printf '%s' "$line" | grep -Eq '(curl|wget)[^|]*\|[[:space:]]*(ba|da|z)?sh|base64 -d|/dev/tcp/'; then
        echo "!! $line"
      else
        echo "   $line"
      fi
    done < "$f"
  done
} > "$OUT/cron.txt"

echo "[6/10] systemd units"
{
  echo "# unit files modified in the last 30 days"
  find /etc/systemd /lib/systemd/system /usr/lib/systemd/system /run/systemd/system ~root/.config/systemd \
       -name '*.service' -mtime -30 -printf '%TY-%Tm-%Td %p\n' 2>/dev/null | sort
  echo "# ExecStart outside standard binary directories"
  grep -rhoE '^ExecStart=[-@+!]*[^ ]+' /etc/systemd/system 2>/dev/null \
    | sed 's/^ExecStart=[-@+!]*//' | grep -Ev '^/(usr/)?(s)?bin/|^/usr/lib/|^/opt/' | sort -u
} > "$OUT/systemd.txt"

echo "[7/10] ld.so.preload"
{
  if [ -s /etc/ld.so.preload ]; then
    echo "# /etc/ld.so.preload ($(stat -c '%y' /etc/ld.so.preload))"
    cat /etc/ld.so.preload
    while IFS= read -r lib; do
      [ -f "$lib" ] && sha256sum "$lib"
    done < /etc/ld.so.preload
  else
    echo "/etc/ld.so.preload absent or empty"
  fi
} > "$OUT/preload.txt"

echo "[8/10] immutable files"
if command -v lsattr >/dev/null 2>&1; then
  for d in /etc /tmp /var/tmp /root /usr/bin /usr/local/bin; do
    lsattr -R "$d" 2>/dev/null | awk '$1 ~ /i/ {print}'
  done > "$OUT/immutable.txt"
fi

echo "[9/10] authorized_keys"
{
  getent passwd | while IFS=: read -r user _ _ _ _ home _; do
    f="$home/.ssh/authorized_keys"
    [ -f "$f" ] || continue
    echo "## $user $f ($(stat -c '%y' "$f"))"
    awk '{print $1, substr($2,1,24)"...", $3}' "$f"
  done
} > "$OUT/ssh_keys.txt"

echo "[10/10] hidden pids"
ps -e -o pid= | tr -d ' ' | sort -n > "$OUT/.ps_pids"
ls /proc | grep -E '^[0-9]+$' | sort -n > "$OUT/.proc_pids"
comm -13 "$OUT/.ps_pids" "$OUT/.proc_pids" > "$OUT/hidden_pids.txt"
rm -f "$OUT/.ps_pids" "$OUT/.proc_pids"
while read -r pid; do
  [ -d "/proc/$pid" ] && { proc_line "$pid"; echo "$pid" >> "$SUSPECT_EXES"; }
done < "$OUT/hidden_pids.txt" > "$OUT/hidden_pids_detail.txt"

echo "[+] preserving samples"
: > "$OUT/hashes.txt"
sort -un "$SUSPECT_EXES" | while read -r pid; do
  [ -r "/proc/$pid/exe" ] || continue
  dest="$OUT/samples/pid-$pid.bin"
  cp "/proc/$pid/exe" "$dest" 2>/dev/null && chmod 0400 "$dest"
  [ -f "$dest" ] && sha256sum "$dest" >> "$OUT/hashes.txt"
done
rm -f "$SUSPECT_EXES"

echo "done: evidence in $OUT"
echo "copy it off the host before starting cleanup"
