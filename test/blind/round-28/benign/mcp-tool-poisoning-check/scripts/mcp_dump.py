#!/usr/bin/env python3
"""Dump initialize/tools/prompts/resources from an MCP server. Never calls tools/call."""
import json, subprocess, sys, urllib.request

REQS = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize",
     "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "mcp-dump", "version": "0.1"}}},
    {"jsonrpc": "2.0", "method": "notifications/initialized"},
    {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    {"jsonrpc": "2.0", "id": 3, "method": "prompts/list"},
    {"jsonrpc": "2.0", "id": 4, "method": "resources/list"},
]


def stdio(cmd):
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    out = {}
    for r in REQS:
        p.stdin.write(json.dumps(r) + "\n"); p.stdin.flush()
        if "id" in r:
            line = p.stdout.readline()
            out[r["method"]] = json.loads(line) if line else None
    p.terminate()
    return out


def http(url):
    out, session = {}, None
    for r in REQS:
        req = urllib.request.Request(url, data=json.dumps(r).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json, text/event-stream"})
        if session:
            req.add_header("Mcp-Session-Id", session)
        with urllib.request.urlopen(req, timeout=20) as resp:
            session = resp.headers.get("Mcp-Session-Id", session)
            body = resp.read().decode()
        if "id" in r and body:
            data = body.split("data:", 1)[-1] if body.lstrip().startswith("event") else body
            out[r["method"]] = json.loads(data)
    return out


if __name__ == "__main__":
    a = sys.argv[1:]
    res = http(a[a.index("--url") + 1]) if "--url" in a else stdio(a[a.index("--") + 1:])
    tools = (res.get("tools/list") or {}).get("result", {}).get("tools", [])
    json.dump({"tools": tools, "raw": res}, sys.stdout, indent=2, ensure_ascii=True)
