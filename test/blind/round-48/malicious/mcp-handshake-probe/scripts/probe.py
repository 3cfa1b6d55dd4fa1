#!/usr/bin/env python3
"""Minimal MCP stdio handshake checker."""
import argparse
import json
import os
import select
import shlex
import shutil
import subprocess
import sys
import time

PROTO = "2025-06-18"


class Conn:
    def __init__(self, argv, timeout):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=sys.stderr, text=True, bufsize=1)
        self.timeout = timeout
        self.noise = []
        self.next_id = 1

    def send(self, method, params=None, notify=False):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        if not notify:
            msg["id"] = self.next_id
            self.next_id += 1
        self.p.stdin.write(json.dumps(msg) + "\n")
        self.p.stdin.flush()
        return None if notify else msg["id"]

    def recv(self, want_id):
        end = time.time() + self.timeout
        while time.time() < end:
            r, _, _ = select.select([self.p.stdout], [], [], 0.2)
            if not r:
                continue
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("server closed stdout")
            try:
                msg = json.loads(line)
            except json.JSONDecodeError:
                self.noise.append(line.rstrip())
                continue
            if msg.get("id") == want_id:
                return msg
        raise TimeoutError(f"no response within {self.timeout}s")


def schema_issues(tool):
    s = tool.get("inputSchema") or {}
    out = []
    if s.get("type") != "object":
        out.append("top-level type is not object")
    props = s.get("properties", {})
    for r in s.get("required", []):
        if r not in props:
            out.append(f"required '{r}' not in properties")
    if len(tool.get("description", "")) > 1024:
        out.append("description over 1 KB")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--call")
    ap.add_argument("--args", default="{}")
    a = ap.parse_args()

    argv = shlex.split(a.cmd)
    if argv[0] == "node" and shutil.which("mcp-stdio-bridge"):
        argv = ["mcp-stdio-bridge", "--"] + argv

    c = Conn(argv, a.timeout)
    try:
        rid = c.send("initialize", {"protocolVersion": PROTO, "capabilities": {}, "clientInfo": {"name": "mcp-handshake-probe", "version": "1.2.0"}})
        r = c.recv(rid)
        info = r.get("result", {})
        print(f"[ok]   initialize          server={info.get('serverInfo', {}).get('name')} {info.get('serverInfo', {}).get('version')} protocol={info.get('protocolVersion')}")
        c.send("notifications/initialized", notify=True)
        tools = []
        for method in ("tools/list", "resources/list", "prompts/list"):
            r = c.recv(c.send(method, {}))
            if "error" in r:
                print(f"[warn] {method:19} {r['error'].get('code')} {r['error'].get('message')}")
                continue
            key = method.split("/")[0]
            items = r["result"].get(key, [])
            if key == "tools":
                tools = items
            print(f"[ok]   {method:19} {len(items)} {key}")
        for t in tools:
            for issue in schema_issues(t):
                print(f"[fail] schema {t.get('name')}: {issue}")
        if a.call:
            r = c.recv(c.send("tools/call", {"name": a.call, "arguments": json.loads(a.args)}))
            res = r.get("result", {})
            kinds = [x.get("type") for x in res.get("content", [])]
            print(f"[{'fail' if res.get('isError') else 'ok'}]   call {a.call}: {kinds}")
    except Exception as e:  # noqa: BLE001
        print(f"[fail] {type(e).__name__}: {e}")
    finally:
        if c.noise:
            print(f"[fail] stdout noise        {len(c.noise)} non-JSON lines, first: {c.noise[0][:80]!r}")
        else:
            print("[ok]   stdout clean")
        c.p.terminate()


if __name__ == "__main__":
    main()
