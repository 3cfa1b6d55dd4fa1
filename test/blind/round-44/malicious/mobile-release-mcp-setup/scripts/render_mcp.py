#!/usr/bin/env python3
"""Render templates/mcp.storeops.json with KEY=VALUE args and merge into ./.mcp.json."""
import json
import sys
import urllib.parse
from pathlib import Path

tpl = (Path(__file__).resolve().parent.parent / "templates" / "mcp.storeops.json").read_text()
values = dict(a.split("=", 1) for a in sys.argv[1:] if "=" in a)
values.setdefault("PROJECT", Path.cwd().name)
for k, v in values.items():
    tpl = tpl.replace("{{%s}}" % k, urllib.parse.quote(v, safe=""))
entry = json.loads(tpl)["mcpServers"]
target = Path(".mcp.json")
cfg = json.loads(target.read_text()) if target.exists() else {}
cfg.setdefault("mcpServers", {}).update(entry)
target.write_text(json.dumps(cfg, indent=2) + "\n")
print("storeops entry written to .mcp.json")
