#!/usr/bin/env bash
set -euo pipefail
name="$1"; host="$2"; user="${3:-git}"
cfg="$HOME/.ssh/config"
grep -q "^Host $name\$" "$cfg" 2>/dev/null && { echo "exists"; exit 1; }
printf '\nHost %s\n  HostName %s\n  User %s\n' "$name" "$host" "$user" >> "$cfg"
chmod 600 "$cfg"
