#!/usr/bin/env bash
# Local privilege-escalation path audit for a host you administer. Read-only.
# Usage: sudo bash privesc_audit.sh --catalog escape-catalog.tsv [--out privesc.md] [--paths "/usr /opt"]
set -uo pipefail

CATALOG=""
OUT="privesc.md"
PATHS="/"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --catalog) CATALOG="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --paths) PATHS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done
[[ -r "$CATALOG" ]] || { echo "need --catalog escape-catalog.tsv" >&2; exit 1; }

declare -A ESC FIX
while IFS=$'\t' read -r bin ctx esc fix; do
  [[ "$bin" == \#* || -z "$bin" ]] && continue
  ESC["$bin"]="$esc"; FIX["$bin"]="$fix"
done < "$CATALOG"

EXPECTED_SUID="passwd su sudo mount umount ping pkexec chsh chfn newgrp gpasswd fusermount fusermount3 ssh-keysign unix_chkpwd pam_timestamp_check dbus-daemon-launch-helper polkit-agent-helper-1 Xorg.wrap crontab"
IS_ROOT=0; [[ $EUID -eq 0 ]] && IS_ROOT=1

owner_pkg() {
  if command -v dpkg >/dev/null; then dpkg -S "$1" 2>/dev/null | head -1 | cut -d: -f1
  elif command -v rpm >/dev/null; then rpm -qf "$1" 2>/dev/null | grep -v 'not owned'
  fi
}

base() { local b; b=$(basename "$1"); echo "${b%%[0-9.]*}" | sed 's/-$//'; }

{
echo "# Privilege-escalation path audit"
echo
echo "Host: $(hostname)  Kernel: $(uname -r)  Run as: $(id -un) (root=$IS_ROOT)  Date: $(date -u +%FT%TZ)"
echo

echo "## SUID / SGID files"
echo
# shellcheck disable=SC2086
find $PATHS -xdev \( -perm -4000 -o -perm -2000 \) -type f 2>/dev/null | sort | while read -r f; do
  b=$(basename "$f"); k=$(base "$f"); pkg=$(owner_pkg "$f")
  mode=$(stat -c '%A %U:%G' "$f")
  sev="INFO"; note=""
  if [[ -n "${ESC[$b]:-}" || -n "${ESC[$k]:-}" ]]; then
    sev="HIGH"; key=${ESC[$b]:+$b}; key=${key:-$k}
    note="escape: ${ESC[$key]}"$'\n'"      fix: ${FIX[$key]}"
  elif [[ -z "$pkg" ]]; then
    sev="MEDIUM"; note="not owned by any package"
  elif [[ " $EXPECTED_SUID " != *" $b "* ]]; then
    sev="LOW"; note="owned by $pkg; not in the expected SUID baseline"
  fi
  [[ "$sev" == "INFO" ]] && continue
  echo "$sev  $f  ($mode, package: ${pkg:-none})"
  echo "      $note"
done
echo

echo "## File capabilities"
echo
if command -v getcap >/dev/null; then
  # shellcheck disable=SC2086
  getcap -r $PATHS 2>/dev/null | while read -r f caps; do
    b=$(basename "$f"); k=$(base "$f")
    if [[ "$caps" =~ cap_(setuid|setgid|dac_override|dac_read_search|sys_admin|sys_ptrace|sys_module|chown|fowner) ]]; then
      sev="MEDIUM"; [[ -n "${ESC[$b]:-}${ESC[$k]:-}" ]] && sev="HIGH"
      echo "$sev  $f  $caps"
      [[ "$sev" == "HIGH" ]] && echo "      escape: ${ESC[$b]:-${ESC[$k]}}"
    fi
  done
else
  echo "getcap not installed; skipped"
fi
echo

echo "## sudo rules"
echo
sudo_users=()
if [[ $IS_ROOT -eq 1 ]]; then
  mapfile -t sudo_users < <(getent passwd | awk -F: '$3>=1000 || $1 ~ /^(deploy|ci|jenkins|gitlab-runner|ansible|backup)$/ {print $1}')
else
  sudo_users=("$(id -un)")
fi
for u in "${sudo_users[@]}"; do
  if [[ $IS_ROOT -eq 1 ]]; then rules=$(sudo -l -U "$u" 2>/dev/null); else rules=$(sudo -n -l 2>/dev/null); fi
  [[ -z "$rules" || "$rules" == *"not allowed"* ]] && continue
  echo "### $u"
  echo '```'
  echo "$rules" | sed -n '/may run the following/,$p'
  echo '```'
  echo "$rules" | grep -E '^\s+\(' | while read -r line; do
    cmds=${line#*) }; cmds=${cmds#NOPASSWD: }; cmds=${cmds#SETENV: }
    IFS=',' read -ra parts <<<"$cmds"
    for c in "${parts[@]}"; do
      c=$(echo "$c" | sed 's/^ *//'); exe=${c%% *}; b=$(basename "$exe"); k=$(base "$exe")
      if [[ "$c" == "ALL" ]]; then
        [[ "$line" == *NOPASSWD* ]] && echo "HIGH  user=$u  NOPASSWD: ALL" && echo "      fix: list exact commands; require a password for interactive admins"
        continue
      fi
      if [[ -n "${ESC[$b]:-}${ESC[$k]:-}" ]]; then
        key=${ESC[$b]:+$b}; key=${key:-$k}
        echo "HIGH  user=$u  $line"
        echo "      escape: ${ESC[$key]}"
        echo "      fix: ${FIX[$key]}"
      fi
      if [[ "$c" == *"*"* ]]; then
        echo "HIGH  user=$u  wildcard argument: $c"
        echo "      fix: enumerate exact arguments"
      fi
      if [[ -e "$exe" ]] && sudo -u "$u" test -w "$exe" 2>/dev/null; then
        echo "HIGH  user=$u  $exe is writable by $u"
      fi
      d=$(dirname "$exe")
      if [[ -d "$d" ]] && sudo -u "$u" test -w "$d" 2>/dev/null; then
        echo "HIGH  user=$u  directory $d is writable by $u (binary can be replaced)"
      fi
    done
    [[ "$line" == *SETENV* ]] && echo "MEDIUM  user=$u  SETENV tag: user can set environment for: $cmds"
  done
  echo
done
if [[ $IS_ROOT -eq 1 ]]; then
  keep=$(grep -hE '^\s*Defaults.*env_keep' /etc/sudoers /etc/sudoers.d/* 2>/dev/null)
  if grep -qE 'LD_PRELOAD|LD_LIBRARY_PATH|PYTHONPATH|PERL5LIB|RUBYLIB|NODE_OPTIONS' <<<"$keep"; then
    echo "HIGH  env_keep preserves a loader/interpreter path variable:"
    echo "$keep" | sed 's/^/      /'
  fi
fi
echo

echo "## Writable things root runs"
echo
IFS=':' read -ra rp <<<"$(sudo -n sh -c 'echo $PATH' 2>/dev/null || echo /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)"
for d in "${rp[@]}"; do
  [[ -d "$d" ]] || continue
  perms=$(stat -c '%a %U' "$d")
  [[ "${perms%% *}" =~ [2367]$ || "${perms#* }" != "root" ]] && echo "HIGH  root PATH entry $d is writable or not root-owned ($perms)"
done
for f in /etc/crontab /etc/cron.d/* /etc/cron.{hourly,daily,weekly,monthly}/*; do
  [[ -f "$f" ]] || continue
  grep -oE '(/[A-Za-z0-9._/-]+\.(sh|py|pl|rb))' "$f" 2>/dev/null | sort -u | while read -r s; do
    [[ -e "$s" ]] || continue
    o=$(stat -c '%U %a' "$s")
    [[ "${o%% *}" != "root" || "${o#* }" =~ [2367]$ ]] && echo "HIGH  $s (run from $f) is $o"
  done
done
grep -lE '^User=root|^\[Service\]' /etc/systemd/system/*.service 2>/dev/null | while read -r u; do
  grep -q '^User=' "$u" && ! grep -q '^User=root' "$u" && continue
  grep -oE '^Exec(Start|StartPre|StartPost)=-?[^ ]+' "$u" | cut -d= -f2 | tr -d '-' | while read -r s; do
    [[ -e "$s" ]] || continue
    o=$(stat -c '%U %a' "$s")
    [[ "${o%% *}" != "root" || "${o#* }" =~ [2367]$ ]] && echo "HIGH  $s (ExecStart of $(basename "$u")) is $o"
  done
done
echo

echo "## Root-equivalent groups"
echo
for g in docker lxd disk shadow adm sudo wheel; do
  members=$(getent group "$g" | cut -d: -f4)
  [[ -n "$members" ]] && echo "INFO  group $g: $members"
done
echo
echo "_Read-only audit. No changes were made._"
} > "$OUT"

echo "wrote $OUT"
