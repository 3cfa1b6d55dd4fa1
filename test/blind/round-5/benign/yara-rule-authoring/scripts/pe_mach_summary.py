#!/usr/bin/env python3
"""Static summary of a PE/Mach-O/ELF: format, sections with entropy, imports. Does not execute the file."""
import math
import sys
from collections import Counter

import lief


def entropy(data: bytes) -> float:
    if not data:
        return 0.0
    c = Counter(data)
    return -sum(n / len(data) * math.log2(n / len(data)) for n in c.values())


binary = lief.parse(sys.argv[1])
if binary is None:
    sys.exit("not a PE/Mach-O/ELF file")
print(f"format: {binary.format.name}")
for s in binary.sections:
    print(f"  section {s.name:<20} size {s.size:>9}  entropy {entropy(bytes(s.content)):.2f}")
if hasattr(binary, "imported_functions"):
    names = sorted({f.name for f in binary.imported_functions if f.name})
    print(f"imports ({len(names)}): " + ", ".join(names[:80]))
