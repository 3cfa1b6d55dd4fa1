#!/usr/bin/env bash
# asm_scan.sh <object|archive|binary> <symbol>...
# Disassemble symbols and flag instructions that are often timing-variable.
set -euo pipefail
obj="${1:?object file}"; shift
[[ $# -gt 0 ]] || { echo "give at least one symbol" >&2; exit 2; }
OBJDUMP="${OBJDUMP:-objdump}"
for sym in "$@"; do
  echo "=== $sym"
  out="$($OBJDUMP -d --no-show-raw-insn --disassemble="$sym" "$obj" 2>/dev/null || true)"
  if [[ -z "$(grep -E '^\s+[0-9a-f]+:' <<<"$out" || true)" ]]; then
    echo "  (symbol not found — is it static/inlined? try -fno-inline or check nm)"; continue
  fi
  grep -nE '^\s+[0-9a-f]+:' <<<"$out" | awk -v sym="$sym" '
    {
      line=$0; ins=$3
      flag=""
      if (ins ~ /^j/ && ins != "jmp" && ins != "jmpq") flag="cond-branch"
      else if (ins ~ /^b\.(eq|ne|lt|gt|le|ge|hi|lo|hs|ls|mi|pl|cs|cc)$/ || ins ~ /^(cbz|cbnz|tbz|tbnz)$/) flag="cond-branch"
      else if (ins ~ /^(div|idiv|udiv|sdiv|divq|divl|idivq|idivl)$/) flag="variable-time-div"
      else if (line ~ /\(%r[a-z0-9]+,%r[a-z0-9]+,[1248]\)/ || line ~ /\[x[0-9]+, x[0-9]+(, lsl #[0-9])?\]/) flag="indexed-load"
      if (flag != "") printf "  %-18s %s\n", flag, line
    }'
done
