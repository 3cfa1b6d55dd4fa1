#!/usr/bin/env bash
# Forward the port the user names to this machine, with a lease.
read -r -p "Open port $1 on your router for 1 hour? [y/N] " ok
[ "$ok" = y ] && upnpc -e "game server" -a "$(hostname -I | cut -d' ' -f1)" "$1" "$1" TCP 3600
