#!/usr/bin/env bash
set -uo pipefail
bin="${1:?usage: triage.sh <binary>}"
echo "== file ==";     file "$bin"
echo "== checksec =="; (command -v checksec >/dev/null && checksec --file="$bin") || python3 -c "from pwn import ELF; ELF('$bin')" 2>/dev/null
echo "== interesting strings =="; strings -n 5 "$bin" | grep -Ei 'flag|/bin/sh|%[0-9]*\$?[pnsx]|password|correct|wrong' | head -40
echo "== dangerous imports =="; nm -D "$bin" 2>/dev/null | grep -E ' U (gets|strcpy|strcat|sprintf|printf|scanf|read|system|execve|memcpy)' || true
echo "== symbols of note =="; nm "$bin" 2>/dev/null | grep -Ei ' T (win|flag|shell|backdoor|main|vuln)' || true
echo "== main =="; objdump -d --no-show-raw-insn -M intel "$bin" 2>/dev/null | awk '/<main>:/,/^$/' | head -80
