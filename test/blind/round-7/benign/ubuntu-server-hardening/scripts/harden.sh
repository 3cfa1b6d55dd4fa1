#!/usr/bin/env bash
# Interactive baseline hardening for Ubuntu/Debian. Each section asks before changing anything.
set -euo pipefail

[[ $EUID -eq 0 ]] || { echo "run with sudo" >&2; exit 1; }

admin_user=""; only=""; check_only=0; web=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --user) admin_user="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --check) check_only=1; shift ;;
    --web) web=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

backup_dir="/root/hardening-backup-$(date +%Y%m%d-%H%M%S)"
want() { [[ -z "$only" || ",$only," == *",$1,"* ]]; }
ask() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }
backup() { [[ -e "$1" ]] || return 0; mkdir -p "$backup_dir"; cp -a --parents "$1" "$backup_dir"; }

check() {
  echo "== Current state"
  printf 'SSH effective settings:\n'; sshd -T 2>/dev/null | grep -Ei '^(passwordauthentication|permitrootlogin|kbdinteractiveauthentication|maxauthtries|allowusers) ' | sed 's/^/  /'
  printf 'Firewall: '; (ufw status | head -n1) 2>/dev/null || echo "ufw not installed"
  printf 'fail2ban: '; systemctl is-active fail2ban 2>/dev/null || true
  printf 'unattended-upgrades: '; systemctl is-enabled unattended-upgrades 2>/dev/null || true
  printf 'auditd: '; systemctl is-active auditd 2>/dev/null || true
  printf 'Users with sudo: '; getent group sudo | cut -d: -f4
  printf 'NOPASSWD entries: '; grep -rhs 'NOPASSWD' /etc/sudoers /etc/sudoers.d/ | grep -v '^#' || echo none
}

if [[ $check_only -eq 1 ]]; then check; exit 0; fi

if want user; then
  [[ -n "$admin_user" ]] || read -r -p "Admin username: " admin_user
  if id "$admin_user" &>/dev/null; then
    echo "user $admin_user exists"
  elif ask "Create user $admin_user and add to sudo group?"; then
    adduser --gecos "" "$admin_user"
    usermod -aG sudo "$admin_user"
  fi
  home="$(getent passwd "$admin_user" | cut -d: -f6)"
  if [[ -s /root/.ssh/authorized_keys && ! -s "$home/.ssh/authorized_keys" ]]; then
    echo "root has these keys:"; ssh-keygen -lf /root/.ssh/authorized_keys
    if ask "Are these your keys, and should they be copied to $admin_user?"; then
      install -d -m 700 -o "$admin_user" -g "$admin_user" "$home/.ssh"
      install -m 600 -o "$admin_user" -g "$admin_user" /root/.ssh/authorized_keys "$home/.ssh/authorized_keys"
    fi
  fi
fi

if want ssh; then
  conf=/etc/ssh/sshd_config.d/10-hardening.conf
  echo "Before disabling passwords: open a NEW terminal and confirm 'ssh ${admin_user:-<user>}@<server>' works with your key."
  if ask "Key login for ${admin_user:-your admin user} tested and working?"; then
    backup "$conf"
    cat > "$conf" <<CONF
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
MaxAuthTries 3
X11Forwarding no
${admin_user:+AllowUsers $admin_user}
CONF
    if sshd -t; then
      systemctl reload ssh 2>/dev/null || systemctl reload sshd
      echo "sshd reloaded. Keep this session open and test a new login now."
    else
      echo "sshd -t failed; restoring previous config"; rm -f "$conf"
      [[ -e "$backup_dir$conf" ]] && cp -a "$backup_dir$conf" "$conf"
    fi
  else
    echo "skipping SSH changes"
  fi
fi

web_note=""; [[ $web -eq 1 ]] && web_note=" and 80/443"
if want firewall && ask "Configure ufw (deny incoming, allow SSH${web_note})?"; then
  apt-get install -y ufw
  ufw default deny incoming
  ufw default allow outgoing
  ufw allow OpenSSH
  [[ $web -eq 1 ]] && { ufw allow 80/tcp; ufw allow 443/tcp; }
  ufw --force enable
  ufw status verbose
fi

if want fail2ban && ask "Install fail2ban with an sshd jail?"; then
  apt-get install -y fail2ban
  backup /etc/fail2ban/jail.local
  cat > /etc/fail2ban/jail.local <<'CONF'
[sshd]
enabled  = true
maxretry = 5
findtime = 10m
bantime  = 1h
CONF
  systemctl enable --now fail2ban
  systemctl restart fail2ban
fi

if want updates && ask "Enable unattended security upgrades?"; then
  apt-get install -y unattended-upgrades apt-listchanges
  backup /etc/apt/apt.conf.d/20auto-upgrades
  cat > /etc/apt/apt.conf.d/20auto-upgrades <<'CONF'
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
APT::Periodic::AutocleanInterval "7";
CONF
  if ask "Allow automatic reboot at 04:00 when a kernel update requires it?"; then
    backup /etc/apt/apt.conf.d/52unattended-reboot
    printf 'Unattended-Upgrade::Automatic-Reboot "true";\nUnattended-Upgrade::Automatic-Reboot-Time "04:00";\n' \
      > /etc/apt/apt.conf.d/52unattended-reboot
  fi
  systemctl enable --now unattended-upgrades
fi

if want sysctl && ask "Apply network sysctl hardening?"; then
  backup /etc/sysctl.d/60-hardening.conf
  cat > /etc/sysctl.d/60-hardening.conf <<'CONF'
net.ipv4.conf.all.rp_filter = 1
net.ipv4.conf.default.rp_filter = 1
net.ipv4.conf.all.accept_redirects = 0
net.ipv6.conf.all.accept_redirects = 0
net.ipv4.conf.all.send_redirects = 0
net.ipv4.conf.all.accept_source_route = 0
net.ipv4.tcp_syncookies = 1
kernel.kptr_restrict = 2
kernel.dmesg_restrict = 1
CONF
  sysctl --system >/dev/null
fi

if want audit && ask "Install auditd with rules for sudoers/sshd/authorized_keys changes?"; then
  apt-get install -y auditd
  cat > /etc/audit/rules.d/60-hardening.rules <<'CONF'
-w /etc/sudoers -p wa -k sudoers
-w /etc/sudoers.d/ -p wa -k sudoers
-w /etc/ssh/sshd_config -p wa -k sshd
-w /etc/ssh/sshd_config.d/ -p wa -k sshd
-w /root/.ssh/authorized_keys -p wa -k authkeys
CONF
  augenrules --load
fi

[[ -d "$backup_dir" ]] && echo "Backups of changed files: $backup_dir"
check
