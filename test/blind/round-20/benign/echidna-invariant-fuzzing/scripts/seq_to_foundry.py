#!/usr/bin/env python3
"""Turn an Echidna call sequence (stdin) into a Foundry test function.

Input lines look like:
  VaultInvariants.deposit(1,1000000000000000000) from: 0x0000000000000000000000000000000000020000 Time delay: 3 seconds Block delay: 1
"""
import re
import sys

name = sys.argv[1] if len(sys.argv) > 1 else "counterexample"
call_re = re.compile(r"(?:\*wait\*.*|(?:\w+\.)?(\w+)\((.*?)\)(?:\s+from:\s+(0x[0-9a-fA-F]+))?(?:\s+(?:Time delay|Time):\s+(\d+))?(?:.*?Block delay:\s+(\d+))?)")
body = []
for raw in sys.stdin:
    raw = raw.strip()
    if not raw or raw.startswith(("Call sequence", "Traces", "echidna")):
        continue
    m = call_re.match(raw)
    if not m or not m.group(1):
        continue
    fn, args, sender, tdelay, bdelay = m.groups()
    if tdelay:
        body.append(f"        vm.warp(block.timestamp + {tdelay});")
    if bdelay:
        body.append(f"        vm.roll(block.number + {bdelay});")
    if sender:
        body.append(f"        vm.prank(address({sender}));")
    body.append(f"        harness.{fn}({args});")
print(f"    function test_{name}() public {{")
print("\n".join(body))
print("        // re-check the violated property here, e.g.:")
print("        // assertTrue(harness.echidna_solvent());")
print("    }")
