#!/usr/bin/env bash
# Print an inventory of a Cairo codebase's attack surface: contracts, external functions,
# l1_handlers, storage variables, felt252 arithmetic and syscalls worth a second look.
# usage: cairo_surface.sh [src-dir]
set -euo pipefail

src=${1:-src}
files=$(find "$src" -name '*.cairo' -not -path '*/tests/*' | sort)
[ -n "$files" ] || { echo "no .cairo files under $src" >&2; exit 1; }

section() { printf '\n## %s\n' "$1"; }

section "Contracts"
grep -n '#\[starknet::contract\]' -A1 $files | grep -E 'mod ' | sed -E 's/-[0-9]+-\s*/: /'

section "External / public functions (abi(embed_v0) impls and #[external(v0)])"
grep -nE '#\[(abi\(embed_v0\)|external\(v0\))\]|^\s*fn [a-z_0-9]+\(ref self' $files

section "l1_handler functions (each must check from_address)"
grep -n '#\[l1_handler\]' -A2 $files

section "Storage structs"
grep -n '#\[storage\]' -A15 $files | grep -E ':\s*[A-Za-z]' | grep -v '//' || true

section "felt252 arithmetic (verify it is not a quantity)"
grep -nE 'felt252.*[-+*]|[-+*]\s*[a-z_]+\s*:\s*felt252' $files || true

section "Privileged syscalls"
grep -nE 'replace_class_syscall|send_message_to_l1_syscall|library_call_syscall|deploy_syscall' $files || true

section "Signature checks"
grep -nE 'check_ecdsa_signature|is_valid_signature|verify_signature' $files || true
