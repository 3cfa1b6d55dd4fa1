#!/usr/bin/env bash
# Read-only local privilege-escalation self-check. Lists findings; changes nothing.
set -u

OUT=""
QUICK=0
COLOR=1
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --no-color) COLOR=0; shift ;;
    -h|--help) echo "usage: $0 [--out FILE] [--quick] [--no-color]"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [ "$COLOR" -eq 1 ] && [ -t 1 ]; then
  RED=$'\e[31m'; YEL=$'\e[33m'; DIM=$'\e[2m'; RST=$'\e[0m'
else
  RED=""; YEL=""; DIM=""; RST=""
fi

REPORT=()
emit() {  # severity message
  local sev="$1"; shift
  local line="[$sev] $*"
  REPORT+=("$line")
  case "$sev" in
    HIGH) printf '%s%s%s\n' "$RED" "$line" "$RST" ;;
    MED)  printf '%s%s%s\n' "$YEL" "$line" "$RST" ;;
    *)    printf '%s%s%s\n' "$DIM" "$line" "$RST" ;;
  esac
}

SHELL_ESCAPE_BINS="awk bash busybox cp dash env find gdb less more nano nmap node perl php python python2 python3 ruby rsync sh tar vi vim vim.basic zsh socat strace tclsh openssl make"

echo "== identity"
emit INFO "user $(id -un) uid=$(id -u) groups=$(id -Gn | tr ' ' ',')"
for g in docker lxd lxc disk adm shadow; do
  if id -Gn | tr ' ' '\n' | grep -qx "$g"; then
    case "$g" in
      docker|lxd|lxc|disk) emit HIGH "member of group '$g' (equivalent to root on this host)" ;;
      *) emit MED "member of group '$g' (can read sensitive logs or files)" ;;
    esac
  fi
done

echo "== sudo"
if command -v sudo >/dev/null 2>&1; then
  emit INFO "$(sudo -V 2>/dev/null | head -n1)"
  if rules=$(sudo -n -l 2>/dev/null); then
    while IFS= read -r line; do
      case "$line" in
        *"(ALL"*"ALL"*) emit HIGH "sudo allows all commands: $line" ;;
        *NOPASSWD*\**) emit MED "sudo rule allows wildcard arguments: $line" ;;
        *NOPASSWD*)
          for b in $SHELL_ESCAPE_BINS; do
            if printf '%s' "$line" | grep -Eq "/$b( |,|$)"; then
              emit HIGH "NOPASSWD sudo on binary with shell escape ($b): $line"
              continue 2
            fi
          done
          emit MED "NOPASSWD sudo rule: $line" ;;
        *env_keep*LD_PRELOAD*|*env_keep*LD_LIBRARY_PATH*) emit HIGH "sudo keeps loader variables: $line" ;;
      esac
    done <<< "$rules"
  else
    emit INFO "sudo -l needs a password or is not permitted (not checked)"
  fi
fi

echo "== sensitive files"
check_perm() {  # path max_mode_desc
  local p="$1"
  [ -e "$p" ] || return
  if [ -w "$p" ]; then emit HIGH "writable by current user: $p ($(stat -c '%U:%G %a' "$p"))"; fi
}
check_perm /etc/passwd
check_perm /etc/shadow
check_perm /etc/sudoers
check_perm /etc/ld.so.preload
for f in /etc/sudoers.d/*; do [ -e "$f" ] && check_perm "$f"; done
if [ -r /etc/shadow ] && [ "$(id -u)" -ne 0 ]; then
  emit HIGH "/etc/shadow is readable by $(id -un)"
fi
if [ -s /etc/ld.so.preload ]; then
  emit MED "/etc/ld.so.preload is not empty: $(tr '\n' ' ' < /etc/ld.so.preload)"
fi

echo "== PATH"
ROOT_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
if [ -r /etc/sudoers ]; then
  sp=$(grep -E '^\s*Defaults\s+secure_path' /etc/sudoers | sed -E 's/.*secure_path\s*=\s*"?([^"]*)"?/\1/' | head -n1)
  [ -n "$sp" ] && ROOT_PATH="$sp"
fi
IFS=: read -r -a dirs <<< "$ROOT_PATH:$PATH"
for d in "${dirs[@]}"; do
  [ -z "$d" ] && { emit MED "empty entry (current directory) in PATH"; continue; }
  [ "$d" = "." ] && { emit MED "'.' in PATH"; continue; }
  if [ -d "$d" ] && [ -w "$d" ] && [ "$(id -u)" -ne 0 ]; then
    emit HIGH "writable directory in PATH: $d"
  fi
done

echo "== scheduled jobs"
cron_targets() {
  cat /etc/crontab /etc/cron.d/* 2>/dev/null | grep -Ev '^\s*(#|$|[A-Z_]+=)' \
    | awk '{for (i=7; i<=NF; i++) printf "%s ", $i; print ""}'
  ls -1 /etc/cron.hourly/* /etc/cron.daily/* /etc/cron.weekly/* /etc/cron.monthly/* 2>/dev/null
}
while IFS= read -r cmd; do
  for tok in $cmd; do
    case "$tok" in
      /*) if [ -f "$tok" ] && [ -w "$tok" ] && [ "$(id -u)" -ne 0 ]; then
            emit MED "root cron runs writable file: $tok ($(stat -c '%U %a' "$tok"))"
          fi ;;
    esac
  done
done < <(cron_targets)
if command -v systemctl >/dev/null 2>&1; then
  while IFS= read -r unit; do
    for exe in $(systemctl cat "$unit" 2>/dev/null | sed -n 's/^ExecStart=[-@+!]*//p' | awk '{print $1}'); do
      if [ -f "$exe" ] && [ -w "$exe" ] && [ "$(id -u)" -ne 0 ]; then
        emit MED "systemd unit $unit runs writable file: $exe"
      fi
    done
  done < <(systemctl list-unit-files --type=service --state=enabled --no-legend 2>/dev/null | awk '{print $1}')
fi

if [ "$QUICK" -eq 0 ]; then
  echo "== SUID / SGID"
  while IFS= read -r f; do
    base=$(basename "$f")
    hit=0
    for b in $SHELL_ESCAPE_BINS; do [ "$base" = "$b" ] && hit=1; done
    if [ "$hit" -eq 1 ]; then
      emit HIGH "SUID/SGID binary with known shell escape: $f (owner $(stat -c %U "$f"))"
    elif ! dpkg -S "$f" >/dev/null 2>&1 && ! rpm -qf "$f" >/dev/null 2>&1; then
      emit MED "SUID/SGID binary not owned by any package: $f"
    fi
  done < <(find / -xdev \( -perm -4000 -o -perm -2000 \) -type f 2>/dev/null)

  echo "== capabilities"
  if command -v getcap >/dev/null 2>&1; then
    while IFS= read -r line; do
      case "$line" in
        *cap_setuid*|*cap_setgid*|*cap_sys_admin*|*cap_dac_override*|*cap_dac_read_search*|*cap_sys_ptrace*)
          emit HIGH "dangerous file capability: $line" ;;
        *) emit INFO "file capability: $line" ;;
      esac
    done < <(getcap -r / 2>/dev/null)
  fi

  echo "== world-writable under /etc and /usr/local"
  while IFS= read -r f; do
    emit MED "world-writable: $f"
  done < <(find /etc /usr/local -xdev -perm -0002 ! -type l 2>/dev/null | head -n 50)
fi

echo "== NFS exports"
if [ -r /etc/exports ] && grep -q no_root_squash /etc/exports; then
  emit HIGH "NFS export with no_root_squash: $(grep no_root_squash /etc/exports | tr '\n' ';')"
fi

echo "== kernel"
emit INFO "kernel $(uname -r), $(uname -v)"

if [ -n "$OUT" ]; then
  {
    echo "privesc self-check $(hostname) $(date -u +%FT%TZ) as $(id -un)"
    printf '%s\n' "${REPORT[@]}"
  } > "$OUT"
  echo "report written to $OUT"
fi

high=$(printf '%s\n' "${REPORT[@]}" | grep -c '^\[HIGH\]')
med=$(printf '%s\n' "${REPORT[@]}" | grep -c '^\[MED\]')
echo "summary: $high high, $med medium"
