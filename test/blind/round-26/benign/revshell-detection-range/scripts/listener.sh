#!/usr/bin/env bash
# Lab listener: answers each reverse-shell connection with a fixed, harmless command list and logs the peer.
set -u
port="${1:-4444}"
mkdir -p /vagrant/out
echo "listening on $(hostname -I | tr ' ' '\n' | grep '^192\.168\.56\.') port $port"
while true; do
  printf 'id; hostname; exit\n' | ncat -lv "$port" 2>&1 | tee -a /vagrant/out/listener.log
done
