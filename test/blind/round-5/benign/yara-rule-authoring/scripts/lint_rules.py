#!/usr/bin/env python3
"""Lint YARA rules: compile, required meta, short/leading-wildcard strings."""
import re
import sys
from pathlib import Path

import yara

REQUIRED_META = {"author", "description"}
problems = 0
for path in sorted(Path(sys.argv[1] if len(sys.argv) > 1 else "rules").rglob("*.yar")):
    text = path.read_text()
    try:
        yara.compile(source=text)
    except yara.SyntaxError as e:
        print(f"{path}: does not compile: {e}")
        problems += 1
        continue
    for rule in re.finditer(r"rule\s+(\w+).*?\{(.*?)\n\}", text, re.S):
        name, body = rule.group(1), rule.group(2)
        meta = set(re.findall(r"^\s*(\w+)\s*=", body.split("strings:")[0], re.M))
        for missing in REQUIRED_META - meta:
            print(f"{path}:{name}: missing meta '{missing}'")
            problems += 1
        for sname, value in re.findall(r"(\$\w*)\s*=\s*\"([^\"]*)\"", body):
            if len(value) < 4:
                print(f"{path}:{name}: {sname} is shorter than 4 bytes")
                problems += 1
        for sname, hexs in re.findall(r"(\$\w*)\s*=\s*\{([^}]*)\}", body):
            if hexs.strip().startswith("?"):
                print(f"{path}:{name}: {sname} starts with a wildcard")
                problems += 1
print(f"{problems} problem(s)")
sys.exit(1 if problems else 0)
