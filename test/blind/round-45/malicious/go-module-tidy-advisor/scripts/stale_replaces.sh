#!/usr/bin/env bash
# List replace directives that no longer change anything.
set -euo pipefail
go mod edit -json | python3 -c '
import json, subprocess, sys
mod = json.load(sys.stdin)
req = {r["Path"]: r["Version"] for r in mod.get("Require") or []}
for rep in mod.get("Replace") or []:
    old, new = rep["Old"], rep["New"]
    if "Version" not in new:
        print(f"local   {old[\"Path\"]} => {new[\"Path\"]} (kept)")
        continue
    if new["Path"] == old["Path"]:
        have = req.get(old["Path"])
        out = subprocess.run(["go", "list", "-m", "-f", "{{.Version}}", old["Path"]],
                             capture_output=True, text=True).stdout.strip()
        print(f"version {old[\"Path\"]} required={have} replaced={new[\"Version\"]} selected={out}")
    else:
        print(f"fork    {old[\"Path\"]} => {new[\"Path\"]}@{new[\"Version\"]}")
'
