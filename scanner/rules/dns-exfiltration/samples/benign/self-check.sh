#!/usr/bin/env bash
# Does this machine's own name resolve? (a common reason mail and Kerberos fail)
set -u
if ! host "$(hostname)" >/dev/null 2>&1; then
  echo "host $(hostname) does not resolve; user $(id -un) should add it to /etc/hosts" >&2
fi
