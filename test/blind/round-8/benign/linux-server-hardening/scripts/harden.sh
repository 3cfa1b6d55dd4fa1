#!/usr/bin/env bash
# Baseline hardening for Ubuntu/Debian. Run on the server, as root (sudo).
# Subcommands: audit | updates | admin-user | ssh | firewall | fail2ban | sysctl
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ASSETS="$HERE/../assets"
STAMP="$(date +%Y%m%d-%H%M%S)"
BACKUP_ROOT="/root/hardening-backup/$STAMP"

die()  { echo "error: $*" >&2; exit 1; }
info() { echo "==> $*"; }

[[ $EUID -eq 0 ]] || die "run with sudo"
. /etc/os-release
[[ "$ID" == "ubuntu" || "$ID" == "debian" ]] || die "unsupported distribution: $ID"

backup() {
  local f="$1"
  [[ -e "$f" ]] || return 0
  mkdir -p "$BACKUP_ROOT$(dirname "$f")"
  cp -a "$f" "$BACKUP_ROOT$f"
  echo "   backup: $BACKUP_ROOT$f"
}

install_file() {
  # install_file SRC DEST MODE — shows a diff, backs up, installs
  local src="$1" dest="$2" mode="$3"
  if [[ -e "$dest" ]] && cmp -s "$src" "$dest"; then
    echo "   $dest unchanged"
    return 0
  fi
  diff -u "${dest}" "$src" 2>/dev/null || diff -u /dev/null "$src" || true
  backup "$dest"
  install -m "$mode" -o root -g root "$src" "$dest"
}

confirm() {
  local ans
  read -r -p "$1 [y/N] " ans
  [[ "$ans" =~ ^[Yy]$ ]]
}

ssh_port() { sshd -T 2>/dev/null | awk '$1=="port"{print $2; exit}'; }

cmd_audit() {
  info "system"; echo "   $PRETTY_NAME, kernel $(uname -r)"
  info "listening sockets"; ss -tulpn | sed 's/^/   /'
  info "users with login shells"; awk -F: '$7 !~ /(nologin|false)$/ {print "   "$1" ("$6")"}' /etc/passwd
  info "sudo group"; echo "   $(getent group sudo | cut -d: -f4)"
  info "sshd effective settings"
  sshd -T 2>/dev/null | grep -Ei '^(port|permitrootlogin|passwordauthentication|kbdinteractiveauthentication|pubkeyauthentication|maxauthtries|allowusers|x11forwarding) ' | sed 's/^/   /'
  info "ufw"; (command -v ufw >/dev/null && ufw status verbose || echo "   not installed") | sed 's/^/   /'
  info "fail2ban"; (command -v fail2ban-client >/dev/null && fail2ban-client status || echo "   not installed") | sed 's/^/   /'
  info "unattended-upgrades"; (dpkg -s unattended-upgrades >/dev/null 2>&1 && echo "   installed" || echo "   not installed")
  info "pending upgrades"; echo "   $(apt list --upgradable 2>/dev/null | tail -n +2 | wc -l) packages"
  [[ -f /var/run/reboot-required ]] && info "reboot required"
  return 0
}

cmd_updates() {
  local reboot_time=""
  [[ "${1:-}" == "--auto-reboot" ]] && reboot_time="${2:?time like 04:00}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get -y upgrade
  apt-get -y install unattended-upgrades apt-listchanges
  local tmp; tmp="$(mktemp)"
  cat > "$tmp" <<CONF
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
APT::Periodic::AutocleanInterval "7";
CONF
  install_file "$tmp" /etc/apt/apt.conf.d/20auto-upgrades 0644
  if [[ -n "$reboot_time" ]]; then
    printf 'Unattended-Upgrade::Automatic-Reboot "true";\nUnattended-Upgrade::Automatic-Reboot-Time "%s";\n' "$reboot_time" > "$tmp"
    install_file "$tmp" /etc/apt/apt.conf.d/52auto-reboot 0644
  fi
  rm -f "$tmp"
  [[ -f /var/run/reboot-required ]] && echo "A reboot is required to finish updates. Choose a time and run: sudo reboot"
  return 0
}

cmd_admin_user() {
  local user="" pubkey=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --user) user="$2"; shift 2 ;;
      --pubkey) pubkey="$2"; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ -n "$user" && -n "$pubkey" ]] || die "--user and --pubkey are required"
  [[ "$user" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "invalid username"
  [[ "$pubkey" =~ ^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh.com)\ [A-Za-z0-9+/=]+ ]] \
    || die "that does not look like an SSH public key"
  ssh-keygen -l -f <(echo "$pubkey") >/dev/null || die "ssh-keygen could not parse the key"

  if ! id "$user" >/dev/null 2>&1; then
    adduser --disabled-password --gecos "" "$user"
    echo "Set a sudo password for $user (typed here in the terminal):"
    passwd "$user"
  fi
  usermod -aG sudo "$user"

  local home; home="$(getent passwd "$user" | cut -d: -f6)"
  install -d -m 700 -o "$user" -g "$user" "$home/.ssh"
  local ak="$home/.ssh/authorized_keys"
  touch "$ak"
  if grep -qxF "$pubkey" "$ak"; then
    echo "   key already present"
  else
    backup "$ak"
    echo "$pubkey" >> "$ak"
  fi
  chown "$user:$user" "$ak"; chmod 600 "$ak"
  echo "   fingerprint: $(ssh-keygen -l -f <(echo "$pubkey"))"
  echo "Now test from a second terminal: ssh $user@<server> and then sudo -v"
}

cmd_ssh() {
  local port="" allow_users=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) port="$2"; shift 2 ;;
      --allow-users) allow_users="$2"; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  if [[ -n "$allow_users" ]]; then
    for u in $allow_users; do
      local h; h="$(getent passwd "$u" | cut -d: -f6)" || die "no such user $u"
      [[ -s "$h/.ssh/authorized_keys" ]] || die "$u has no authorized_keys — run admin-user first"
    done
  fi

  local tmp; tmp="$(mktemp)"
  cp "$ASSETS/sshd-hardening.conf" "$tmp"
  [[ -n "$port" ]] && echo "Port $port" >> "$tmp"
  [[ -n "$allow_users" ]] && echo "AllowUsers $allow_users" >> "$tmp"

  local dest=/etc/ssh/sshd_config.d/60-hardening.conf
  grep -qE '^\s*Include\s+/etc/ssh/sshd_config.d/\*\.conf' /etc/ssh/sshd_config \
    || die "sshd_config does not include sshd_config.d; add the Include line first"
  install_file "$tmp" "$dest" 0644
  rm -f "$tmp"

  if ! sshd -t; then
    echo "sshd -t failed; removing $dest"
    rm -f "$dest"
    exit 1
  fi

  if [[ -n "$port" ]] && systemctl is-enabled ssh.socket >/dev/null 2>&1; then
    mkdir -p /etc/systemd/system/ssh.socket.d
    printf '[Socket]\nListenStream=\nListenStream=%s\n' "$port" > /etc/systemd/system/ssh.socket.d/60-port.conf
    systemctl daemon-reload
    systemctl restart ssh.socket
    echo "   ssh.socket now listens on $port"
  fi
  systemctl reload ssh
  echo "sshd reloaded. Keep this session open and test a NEW connection now."
}

cmd_firewall() {
  local allows=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --allow) allows+=("$2"); shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  apt-get -y install ufw
  local sp; sp="$(ssh_port)"; sp="${sp:-22}"
  ufw default deny incoming
  ufw default allow outgoing
  ufw limit "$sp/tcp" comment 'ssh'
  echo "   SSH port $sp/tcp allowed (rate-limited)"
  for a in "${allows[@]}"; do
    [[ "$a" == "$sp/tcp" || "$a" == "$sp" ]] && continue
    ufw allow "$a"
  done
  ufw show added
  if command -v docker >/dev/null; then
    echo "note: Docker-published ports bypass ufw. Bind containers to 127.0.0.1 or use the DOCKER-USER chain."
  fi
  if confirm "Enable ufw with these rules?"; then
    ufw --force enable
    ufw status verbose
  else
    echo "ufw not enabled"
  fi
}

cmd_fail2ban() {
  local ignore="${1:-}"
  apt-get -y install fail2ban
  local tmp; tmp="$(mktemp)"
  cat > "$tmp" <<CONF
[DEFAULT]
bantime = 1h
bantime.increment = true
findtime = 10m
maxretry = 5
ignoreip = 127.0.0.1/8 ::1 ${ignore}

[sshd]
enabled = true
port = $(ssh_port)
backend = systemd
CONF
  install_file "$tmp" /etc/fail2ban/jail.local 0644
  rm -f "$tmp"
  systemctl enable --now fail2ban
  systemctl restart fail2ban
  fail2ban-client status sshd
}

cmd_sysctl() {
  install_file "$ASSETS/sysctl-hardening.conf" /etc/sysctl.d/60-hardening.conf 0644
  sysctl --system >/dev/null
  echo "   applied"
}

sub="${1:-}"; shift || true
case "$sub" in
  audit) cmd_audit ;;
  updates) cmd_updates "$@" ;;
  admin-user) cmd_admin_user "$@" ;;
  ssh) cmd_ssh "$@" ;;
  firewall) cmd_firewall "$@" ;;
  fail2ban) cmd_fail2ban "$@" ;;
  sysctl) cmd_sysctl ;;
  *) die "usage: harden.sh audit|updates|admin-user|ssh|firewall|fail2ban|sysctl" ;;
esac
