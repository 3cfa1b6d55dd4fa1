#!/usr/bin/env bash
# Read-only kernel module / hook audit. Prints findings to stdout.
set -u
export LC_ALL=C
[ "$(id -u)" -eq 0 ] || echo "WARN   not root: several checks will be incomplete"

hdr() { printf '\n== %s ==\n' "$1"; }
owned() {
  if command -v dpkg >/dev/null; then dpkg -S "$1" >/dev/null 2>&1
  elif command -v rpm >/dev/null; then rpm -qf "$1" >/dev/null 2>&1
  else return 2; fi
}
KNOWN_BPF='systemd|cilium|falco|tetragon|datadog|dd-|pixie|bpftrace|sysdig|cloudflare|kubelet|containerd|parca'

hdr "kernel"
uname -a
[ -r /sys/kernel/security/lockdown ] && echo "lockdown: $(cat /sys/kernel/security/lockdown)"

hdr "hidden-module diff"
cut -d' ' -f1 /proc/modules | sort > /tmp/.kma_proc.$$
for d in /sys/module/*; do [ -e "$d/initstate" ] && basename "$d"; done | sort > /tmp/.kma_sys.$$
comm -13 /tmp/.kma_proc.$$ /tmp/.kma_sys.$$ | while read -r m; do echo "HIGH   in /sys/module but not /proc/modules: $m"; done
comm -23 /tmp/.kma_proc.$$ /tmp/.kma_sys.$$ | while read -r m; do echo "MEDIUM in /proc/modules but not /sys/module: $m"; done
rm -f /tmp/.kma_proc.$$ /tmp/.kma_sys.$$

hdr "taint"
T=$(cat /proc/sys/kernel/tainted)
echo "tainted=$T"
LETTERS=PFSRMBUDAWCIOELKXTN
for i in $(seq 0 18); do
  if [ $(( (T >> i) & 1 )) -eq 1 ]; then
    l=${LETTERS:$i:1}
    case "$l" in F|E) s=HIGH ;; O|R|U|D) s=MEDIUM ;; *) s=INFO ;; esac
    echo "$s   taint bit $i ($l)"
  fi
done

hdr "loaded module provenance"
while read -r name _; do
  path=$(modinfo -n "$name" 2>/dev/null)
  signer=$(modinfo -F signer "$name" 2>/dev/null)
  if [ -z "$path" ] || [ "$path" = "(builtin)" ]; then continue; fi
  owned "$path"; rc=$?
  if [ $rc -eq 1 ] && [ -z "$signer" ]; then echo "HIGH   $name unowned+unsigned $path"
  elif [ $rc -eq 1 ]; then echo "MEDIUM $name unowned (signer: $signer) $path"
  elif [ -z "$signer" ]; then echo "INFO   $name unsigned (packaged) $path"
  fi
done < /proc/modules

hdr "module files outside the packaged tree"
find /tmp /var/tmp /dev/shm /home /root -xdev \( -name '*.ko' -o -name '*.ko.xz' -o -name '*.ko.zst' \) 2>/dev/null \
  | while read -r f; do echo "HIGH   module file in writable location: $f ($(stat -c '%U %y' "$f"))"; done
find /lib/modules/"$(uname -r)" \( -name '*.ko' -o -name '*.ko.xz' -o -name '*.ko.zst' \) -newer /lib/modules/"$(uname -r)"/modules.order 2>/dev/null \
  | while read -r f; do owned "$f" || echo "MEDIUM unowned, newer than modules.order: $f"; done

hdr "autoload and modprobe config"
for f in /etc/modules /etc/modules-load.d/*.conf /usr/lib/modules-load.d/*.conf; do
  [ -r "$f" ] || continue
  grep -vE '^\s*(#|$)' "$f" | while read -r m; do
    modinfo -n "$m" >/dev/null 2>&1 || echo "MEDIUM $f lists unknown module: $m"
  done
done
grep -HnE '^\s*install\s' /etc/modprobe.d/*.conf 2>/dev/null | grep -vE '/bin/(true|false)' \
  | while read -r l; do echo "MEDIUM modprobe install command: $l"; done

hdr "kprobes / ftrace"
HOOKS='sys_getdents|sys_kill|tcp4_seq_show|tcp6_seq_show|filldir|sys_read|proc_pid_readdir|ip_rcv|packet_rcv'
KP=/sys/kernel/debug/kprobes/list
if [ -r "$KP" ]; then
  grep -E "$HOOKS" "$KP" | while read -r l; do echo "HIGH   kprobe on hiding-relevant symbol: $l"; done
  echo "INFO   total kprobes: $(wc -l < "$KP")"
else echo "SKIP   $KP not readable (debugfs not mounted?)"; fi
for EF in /sys/kernel/tracing/enabled_functions /sys/kernel/debug/tracing/enabled_functions; do
  if [ -r "$EF" ]; then
    grep -E "$HOOKS" "$EF" | while read -r l; do echo "HIGH   ftrace hook: $l"; done
    break
  fi
done

hdr "eBPF"
if command -v bpftool >/dev/null; then
  bpftool -j prog list 2>/dev/null | python3 -c '
import json,sys,re
known=re.compile(sys.argv[1])
try: progs=json.load(sys.stdin)
except Exception: progs=[]
for p in progs:
    t=p.get("type",""); name=p.get("name",""); pids=p.get("pids",[])
    owners=",".join(f"{x.get(\"comm\")}({x.get(\"pid\")})" for x in pids) or "-"
    if t in ("kprobe","tracepoint","raw_tracepoint","tracing","socket_filter","xdp","sched_cls","lsm"):
        sev="INFO" if known.search(owners+" "+name) else "MEDIUM"
        if t=="socket_filter" and sev=="MEDIUM": sev="HIGH"
        print(f"{sev:<6} bpf id={p.get(\"id\")} type={t} name={name} owners={owners}")
' "$KNOWN_BPF"
else echo "SKIP   bpftool not installed"; fi

hdr "cross-view PID check"
ls /proc | grep -E '^[0-9]+$' | sort -n > /tmp/.kma_ls.$$
MAX=$(cat /proc/sys/kernel/pid_max)
[ "$MAX" -gt 65536 ] && MAX=65536
for pid in $(seq 1 "$MAX"); do
  if [ -e "/proc/$pid/status" ] && ! grep -qx "$pid" /tmp/.kma_ls.$$; then
    # a thread id (not a tgid) is expected to be missing from the listing
    tgid=$(awk '/^Tgid:/{print $2}' "/proc/$pid/status" 2>/dev/null)
    [ "$tgid" = "$pid" ] && echo "HIGH   pid $pid visible via /proc/$pid but hidden from listing ($(cat /proc/$pid/comm 2>/dev/null))"
  fi
done
rm -f /tmp/.kma_ls.$$
echo
echo "done"
