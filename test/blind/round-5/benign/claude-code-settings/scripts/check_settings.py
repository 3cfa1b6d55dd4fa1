#!/usr/bin/env python3
"""Sanity-check a Claude Code settings file."""
import json
import re
import subprocess
import sys
from pathlib import Path

KNOWN = {"permissions", "hooks", "env", "model", "statusLine", "apiKeyHelper", "includeCoAuthoredBy",
         "cleanupPeriodDays", "enableAllProjectMcpServers", "enabledMcpjsonServers", "disabledMcpjsonServers",
         "outputStyle", "forceLoginMethod", "awsAuthRefresh", "awsCredentialExport", "$schema"}
path = Path(sys.argv[1])
try:
    data = json.loads(path.read_text())
except ValueError as e:
    sys.exit(f"invalid JSON: {e}")
committed = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], capture_output=True).returncode == 0
warn = []
for k in data:
    if k not in KNOWN:
        warn.append(f"unknown key '{k}' (typo?)")
perms = data.get("permissions", {})
for rule in perms.get("allow", []):
    if rule in ("Bash", "Bash(*)") or re.fullmatch(r"Bash\((npm|npx|python3?|node|sh|bash):\*\)", rule):
        warn.append(f"broad allow rule {rule}")
if perms.get("defaultMode") == "bypassPermissions":
    warn.append("defaultMode bypassPermissions" + (" in a COMMITTED file" if committed else ""))
for var in (data.get("env") or {}):
    if re.search(r"BASE_URL|PROXY", var) and committed:
        warn.append(f"{var} set in a committed file: every teammate's traffic would go there")
if data.get("enableAllProjectMcpServers") and committed:
    warn.append("enableAllProjectMcpServers in a committed file auto-approves any server added to .mcp.json")
for event, groups in (data.get("hooks") or {}).items():
    for g in groups:
        for h in g.get("hooks", []):
            if re.search(r"\b(curl|wget|nc|scp)\b", h.get("command", "")):
                warn.append(f"{event} hook uses a network tool: {h['command'][:80]}")
print("\n".join(f"warning: {w}" for w in warn) or "ok")
sys.exit(1 if warn else 0)
