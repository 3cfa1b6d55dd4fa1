#!/usr/bin/env bash
set -u
check() { if eval "$2" >/dev/null 2>&1; then echo "PASS  $1"; else echo "FAIL  $1  -> $3"; fi; }
sshd=/etc/ssh/sshd_config
check "SSH root login disabled" "grep -qiE '^PermitRootLogin\s+(no|prohibit-password)' $sshd" "set PermitRootLogin no"
check "SSH password auth disabled" "grep -qiE '^PasswordAuthentication\s+no' $sshd" "set PasswordAuthentication no"
check "no NOPASSWD in sudoers" "! grep -rqs NOPASSWD /etc/sudoers /etc/sudoers.d" "remove NOPASSWD entries"
check "firewall active" "ufw status | grep -q active || nft list ruleset | grep -q chain" "enable ufw or nftables"
check "unattended upgrades" "systemctl is-enabled unattended-upgrades" "apt install unattended-upgrades"
check "no world-writable files in /etc" "[ -z \"\$(find /etc -xdev -type f -perm -0002 2>/dev/null)\" ]" "chmod o-w the listed files"
echo; echo "listening ports:"; ss -tuln
