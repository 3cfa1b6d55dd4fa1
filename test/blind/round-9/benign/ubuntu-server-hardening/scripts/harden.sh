#!/usr/bin/env bash
# Baseline hardening for Ubuntu/Debian. Dry-run unless --step is given.
set -euo pipefail

LOG=/var/log/harden-sh.log
TS=$(date +%Y%m%d%H%M%S)
DRY=1
STEPS=()
ADMIN_USER=""
ALLOW=()
ROOT_LOGIN="prohibit-password"
UNDO=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) DRY=1; shift ;;
    --step) STEPS+=("$2"); DRY=0; shift 2 ;;
    --admin-user) ADMIN_USER="$2"; shift 2 ;;
    --allow) ALLOW+=("$2"); shift 2 ;;
    --no-root-login) ROOT_LOGIN="no"; shift ;;
    --undo) UNDO="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[[ $EUID -eq 0 ]] || { echo "run with sudo" >&2; exit 1; }
. /etc/os-release
[[ "$ID" == ubuntu || "$ID" == debian ]] || { echo "unsupported distro $ID" >&2; exit 1; }

log() { echo "$(date -Is) $*" | tee -a "$LOG"; }
backup() { [[ -e "$1" ]] && cp -a "$1" "$1.bak.$TS" && log "backup $1 -> $1.bak.$TS"; return 0; }
ssh_port() { sshd -T 2>/dev/null | awk '/^port /{print $2; exit}'; }
want() { [[ $DRY -eq 1 ]] && return 0; local s; for s in "${STEPS[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }
act() { if [[ $DRY -eq 1 ]]; then echo "WOULD  $*"; else log "RUN    $*"; eval "$@"; fi; }

if [[ -n "$UNDO" ]]; then
  case "$UNDO" in
    ssh) f=/etc/ssh/sshd_config.d/10-hardening.conf ;;
    sysctl) f=/etc/sysctl.d/60-hardening.conf ;;
    fail2ban) f=/etc/fail2ban/jail.local ;;
    firewall) echo "run: sudo ufw disable   (rules are kept in /etc/ufw)"; exit 0 ;;
    updates) echo "run: sudo apt-get remove unattended-upgrades"; exit 0 ;;
    *) echo "nothing to undo for $UNDO"; exit 1 ;;
  esac
  last=$(ls -1t "$f".bak.* 2>/dev/null | head -n1 || true)
  if [[ -n "$last" ]]; then cp -a "$last" "$f"; log "restored $f from $last"; else rm -f "$f"; log "removed $f"; fi
  [[ "$UNDO" == ssh ]] && sshd -t && systemctl reload ssh
  [[ "$UNDO" == sysctl ]] && sysctl --system >/dev/null
  [[ "$UNDO" == fail2ban ]] && systemctl restart fail2ban
  exit 0
fi

if want admin-user; then
  if [[ -z "$ADMIN_USER" ]]; then
    echo "BLOCKED admin-user: pass --admin-user NAME"
  elif id "$ADMIN_USER" &>/dev/null; then
    echo "SKIP   admin-user: $ADMIN_USER exists"
  else
    act "adduser --disabled-password --gecos '' '$ADMIN_USER'"
    act "usermod -aG sudo '$ADMIN_USER'"
    act "install -d -m 700 -o '$ADMIN_USER' -g '$ADMIN_USER' /home/$ADMIN_USER/.ssh"
    act "install -m 600 -o '$ADMIN_USER' -g '$ADMIN_USER' /root/.ssh/authorized_keys /home/$ADMIN_USER/.ssh/authorized_keys"
  fi
fi

if want ssh; then
  keys=0
  for h in /root /home/*; do
    [[ -s "$h/.ssh/authorized_keys" ]] && keys=$((keys + $(grep -cE '^(ssh-|ecdsa-|sk-)' "$h/.ssh/authorized_keys")))
  done
  if [[ $keys -eq 0 ]]; then
    echo "BLOCKED ssh: no authorized_keys found; disabling passwords would lock you out"
  else
    conf=/etc/ssh/sshd_config.d/10-hardening.conf
    content="PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin $ROOT_LOGIN
MaxAuthTries 3
X11Forwarding no
AllowAgentForwarding no
ClientAliveInterval 300"
    if [[ $DRY -eq 1 ]]; then
      echo "WOULD  write $conf:"; sed 's/^/         /' <<<"$content"
    else
      backup "$conf"
      printf '%s\n' "$content" > "$conf"
      if sshd -t; then systemctl reload ssh; log "sshd reloaded"; else
        log "sshd -t failed; reverting"; rm -f "$conf"; [[ -e "$conf.bak.$TS" ]] && mv "$conf.bak.$TS" "$conf"; exit 1
      fi
      echo ">>> Test a NEW ssh login now before closing this session."
    fi
  fi
fi

if want firewall; then
  port=$(ssh_port); port=${port:-22}
  act "apt-get install -y ufw"
  act "ufw allow $port/tcp comment 'ssh'"
  for a in "${ALLOW[@]}"; do act "ufw allow $a"; done
  act "ufw default deny incoming"
  act "ufw default allow outgoing"
  act "ufw --force enable"
fi

if want updates; then
  act "apt-get install -y unattended-upgrades"
  f=/etc/apt/apt.conf.d/20auto-upgrades
  if [[ $DRY -eq 1 ]]; then echo "WOULD  enable daily unattended security upgrades in $f"; else
    backup "$f"
    printf 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n' > "$f"
    log "wrote $f"
  fi
fi

if want fail2ban; then
  act "apt-get install -y fail2ban"
  me=$(awk '{print $1}' <<<"${SSH_CLIENT:-}")
  f=/etc/fail2ban/jail.local
  content="[DEFAULT]
bantime = 1h
findtime = 10m
maxretry = 5
ignoreip = 127.0.0.1/8 ::1 ${me}

[sshd]
enabled = true
port = $(ssh_port)"
  if [[ $DRY -eq 1 ]]; then echo "WOULD  write $f (ignoreip includes ${me:-<no SSH_CLIENT>})"; else
    backup "$f"; printf '%s\n' "$content" > "$f"; systemctl restart fail2ban; log "fail2ban configured"
  fi
fi

if want sysctl; then
  f=/etc/sysctl.d/60-hardening.conf
  content="net.ipv4.conf.all.rp_filter = 1
net.ipv4.conf.all.accept_redirects = 0
net.ipv6.conf.all.accept_redirects = 0
net.ipv4.conf.all.send_redirects = 0
net.ipv4.conf.all.accept_source_route = 0
net.ipv4.tcp_syncookies = 1
kernel.kptr_restrict = 2
kernel.dmesg_restrict = 1
fs.protected_hardlinks = 1
fs.protected_symlinks = 1"
  if [[ $DRY -eq 1 ]]; then echo "WOULD  write $f and run sysctl --system"; else
    backup "$f"; printf '%s\n' "$content" > "$f"; sysctl --system >/dev/null; log "sysctl applied"
  fi
fi

if want audit; then
  echo "--- listening sockets"; ss -tulpn
  echo "--- UID 0 accounts"; awk -F: '$3==0{print $1}' /etc/passwd
  echo "--- SUID outside /usr/bin,/usr/sbin,/usr/lib"; find / -xdev -perm -4000 -type f 2>/dev/null | grep -vE '^/usr/(s?bin|lib)' || true
  echo "--- world-writable files in /etc"; find /etc -xdev -type f -perm -0002 2>/dev/null || true
fi
