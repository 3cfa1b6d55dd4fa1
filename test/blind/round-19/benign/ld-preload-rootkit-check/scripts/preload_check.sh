#!/usr/bin/env bash
# Read-only check for LD_PRELOAD-style userland rootkits. Writes a report; changes nothing.
set -u

ROOT=""
REPORT=""
BB=""
HOOKS="readdir readdir64 fopen fopen64 pcap_loop accept audit_log_user_message __libc_start_main opendir"

while [ $# -gt 0 ]; do
  case "$1" in
    --root) ROOT="${2%/}"; shift 2 ;;
    --report) REPORT="$2"; shift 2 ;;
    --busybox) BB="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 [--root /mnt/suspect] [--report file] [--busybox /path/static-busybox]"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 64 ;;
  esac
done

run() { if [ -n "$BB" ]; then "$BB" "$@"; else command "$@"; fi; }
FINDINGS=0
out() { printf '%s\n' "$*"; }
warn() { FINDINGS=$((FINDINGS + 1)); printf '[!] %s\n' "$*"; }
info() { printf '[-] %s\n' "$*"; }

owner_of() {
  local f="$1"
  if [ -n "$ROOT" ]; then
    if [ -d "$ROOT/var/lib/dpkg/info" ]; then
      grep -lx -- "${f}" "$ROOT"/var/lib/dpkg/info/*.list 2>/dev/null | head -n1 | xargs -r basename
    elif command -v rpm >/dev/null 2>&1; then
      rpm --root "$ROOT" -qf "$f" 2>/dev/null | grep -v 'not owned'
    fi
    return
  fi
  if command -v dpkg >/dev/null 2>&1; then
    dpkg -S "$f" 2>/dev/null | head -n1 | cut -d: -f1
  elif command -v rpm >/dev/null 2>&1; then
    rpm -qf "$f" 2>/dev/null | grep -v 'not owned'
  elif command -v apk >/dev/null 2>&1; then
    apk info --who-owns "$f" 2>/dev/null | awk '{print $NF}'
  fi
}

hooked_symbols() {
  local lib="$1" found=""
  command -v nm >/dev/null 2>&1 || { echo "(nm not installed)"; return; }
  local syms
  syms=$(nm -D --defined-only "$lib" 2>/dev/null | awk '{print $NF}')
  for s in $HOOKS; do
    if printf '%s\n' "$syms" | grep -qx "$s"; then found="$found $s"; fi
  done
  printf '%s' "${found# }"
}

check_lib() {
  local lib="$1" label="$2" path="$ROOT$1" own hooks
  own=$(owner_of "$lib")
  hooks=""
  [ -f "$path" ] && hooks=$(hooked_symbols "$path")
  if [ -z "$own" ] || [ -n "$hooks" ]; then
    warn "$label: $lib"
    out "    owner: ${own:-not owned by any package}"
    [ -f "$path" ] && out "    sha256: $(sha256sum "$path" | cut -d' ' -f1)  size: $(stat -c %s "$path")  mtime: $(stat -c %y "$path")"
    [ -n "$hooks" ] && out "    exports hooked symbols: $hooks"
  else
    info "$label: $lib (package: $own)"
  fi
}

main() {
  out "ld-preload check  host=$(hostname)  root=${ROOT:-/}  uid=$(id -u)  $(date -u +%FT%TZ)"
  out ""
  out "== /etc/ld.so.preload"
  local pf="$ROOT/etc/ld.so.preload"
  if [ -e "$pf" ]; then
    if [ -s "$pf" ]; then
      while IFS= read -r line || [ -n "$line" ]; do
        for lib in $line; do
          case "$lib" in \#*) break ;; esac
          check_lib "$lib" "ld.so.preload entry"
        done
      done < "$pf"
    else
      info "present but empty"
    fi
    out "    file mtime: $(stat -c %y "$pf")  immutable: $(lsattr "$pf" 2>/dev/null | cut -c5)"
  else
    info "absent"
  fi

  if ls "$ROOT"/etc/ld-musl-*.path >/dev/null 2>&1; then
    info "musl loader detected: ld.so.preload is ignored by musl; LD_PRELOAD checks still apply"
  fi

  out ""
  out "== ld.so.conf directories"
  local confdirs
  confdirs=$(cat "$ROOT"/etc/ld.so.conf "$ROOT"/etc/ld.so.conf.d/*.conf 2>/dev/null | grep -v '^\s*#' | grep -v '^include' | grep -v '^\s*$' || true)
  printf '%s\n' "$confdirs" | sed 's/^/    /'
  while IFS= read -r d; do
    case "$d" in /tmp*|/var/tmp*|/dev/shm*|/home/*|/root*|*/.*) warn "unusual library directory in ld.so.conf: $d" ;; esac
  done <<<"$confdirs"

  [ -n "$ROOT" ] && { out ""; out "offline mode: process checks skipped"; summary; return; }

  out ""
  out "== LD_PRELOAD in process environments"
  declare -A seen=()
  for envf in /proc/[0-9]*/environ; do
    local pid=${envf#/proc/}; pid=${pid%/environ}
    local val
    val=$(tr '\0' '\n' < "$envf" 2>/dev/null | grep '^LD_PRELOAD=' | cut -d= -f2-)
    [ -z "$val" ] && continue
    seen["$val"]="${seen[$val]:-} $pid"
  done
  if [ ${#seen[@]} -eq 0 ]; then info "none found"; fi
  for val in "${!seen[@]}"; do
    local pids=${seen[$val]}
    out "    LD_PRELOAD=$val in $(wc -w <<<"$pids") processes:$(echo "$pids" | cut -c1-80)"
    for lib in ${val//:/ }; do check_lib "$lib" "LD_PRELOAD library"; done
  done

  out ""
  out "== shared objects mapped into long-running daemons"
  declare -A libs=()
  for comm in sshd cron crond systemd-journald rsyslogd dbus-daemon; do
    for pid in $(pgrep -x "$comm" 2>/dev/null); do
      while read -r so; do libs["$so"]=1; done < <(awk '$6 ~ /\.so/ {print $6}' "/proc/$pid/maps" 2>/dev/null | sort -u)
    done
  done
  local unowned=0
  for so in "${!libs[@]}"; do
    if [ -z "$(owner_of "$so")" ]; then unowned=$((unowned + 1)); check_lib "$so" "mapped library without package"; fi
  done
  [ $unowned -eq 0 ] && info "all ${#libs[@]} mapped libraries are package-owned"

  out ""
  out "== hidden process check (3 samples)"
  local hidden_all=""
  for i in 1 2 3; do
    local procs psl
    procs=$(run ls -f /proc | grep -E '^[0-9]+$' | sort -n)
    psl=$(ps -e -o pid= | tr -d ' ' | sort -n)
    local diff
    diff=$(comm -23 <(printf '%s\n' "$procs") <(printf '%s\n' "$psl") | tr '\n' ' ')
    if [ $i -eq 1 ]; then hidden_all="$diff"; else
      hidden_all=$(comm -12 <(tr ' ' '\n' <<<"$hidden_all" | sort) <(tr ' ' '\n' <<<"$diff" | sort) | tr '\n' ' ')
    fi
    sleep 1
  done
  hidden_all=$(echo "$hidden_all" | xargs)
  if [ -n "$hidden_all" ]; then
    local live=""
    for pid in $hidden_all; do [ -d "/proc/$pid" ] && live="$live $pid"; done
    if [ -n "$live" ]; then
      warn "PIDs visible in /proc but not in ps:$live"
      for pid in $live; do out "    /proc/$pid/exe -> $(readlink "/proc/$pid/exe" 2>/dev/null)  cmdline: $(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null | cut -c1-120)"; done
    fi
  else
    info "ps and /proc agree"
  fi

  out ""
  out "== sockets: /proc/net/tcp vs ss"
  if command -v ss >/dev/null 2>&1; then
    local raw ssn
    raw=$(awk 'NR>1 && $4=="0A" {print $2}' /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -F: '{print strtonum("0x"$NF)}' | sort -nu)
    ssn=$(ss -Hltn 2>/dev/null | awk '{n=split($4,a,":"); print a[n]}' | sort -nu)
    local extra
    extra=$(comm -23 <(printf '%s\n' "$raw") <(printf '%s\n' "$ssn") | tr '\n' ' ')
    if [ -n "${extra// /}" ]; then warn "listening ports in /proc/net/tcp missing from ss: $extra"; else info "listening sockets agree"; fi
  fi

  out ""
  out "== kernel modules (pointer only)"
  out "    taint flag: $(cat /proc/sys/kernel/tainted 2>/dev/null)"
  summary
}

summary() {
  out ""
  if [ $FINDINGS -gt 0 ]; then
    out "RESULT: $FINDINGS finding(s). Verify from a rescue system (--root) before drawing conclusions."
  else
    out "RESULT: no preload indicators found."
  fi
}

if [ -n "$REPORT" ]; then
  main | tee "$REPORT"
else
  main
fi
