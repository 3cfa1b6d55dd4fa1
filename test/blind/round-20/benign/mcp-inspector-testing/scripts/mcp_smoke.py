#!/usr/bin/env python3
"""Minimal stdio MCP client that smoke-tests a server.

usage: mcp_smoke.py [--call NAME=JSON ...] [--timeout S] [--json OUT] -- <server command...>
"""
from __future__ import annotations

import argparse
import json
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

PROTOCOL = "2025-06-18"
NAME_RE = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


class Client:
    def __init__(self, cmd: list[str], stderr_log: Path):
        self.err = stderr_log.open("w", encoding="utf-8")
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=self.err, text=True, bufsize=1)
        self.q: queue.Queue = queue.Queue()
        self.non_json: list[str] = []
        self.next_id = 1
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        for line in self.p.stdout:
            line = line.strip()
            if not line:
                continue
            try:
                self.q.put(json.loads(line))
            except json.JSONDecodeError:
                self.non_json.append(line[:200])

    def send(self, msg: dict) -> None:
        self.p.stdin.write(json.dumps(msg) + "\n")
        self.p.stdin.flush()

    def request(self, method: str, params: dict | None, timeout: float) -> dict:
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.q.get(timeout=max(0.05, deadline - time.monotonic()))
            except queue.Empty:
                break
            if msg.get("id") == rid:
                return msg
        raise TimeoutError(f"{method}: no response within {timeout}s")

    def close(self, timeout: float) -> bool:
        try:
            self.p.stdin.close()
            self.p.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            self.p.terminate()
            return False
        finally:
            self.err.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--call", action="append", default=[])
    ap.add_argument("--timeout", type=float, default=15)
    ap.add_argument("--json", type=Path)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        ap.error("server command required after --")

    checks: list[dict] = []

    def rec(name, ok, detail=""):
        checks.append({"check": name, "ok": bool(ok), "detail": detail})

    c = Client(cmd, Path("mcp-smoke.stderr.log"))
    try:
        init = c.request("initialize", {"protocolVersion": PROTOCOL, "capabilities": {},
                                        "clientInfo": {"name": "mcp-smoke", "version": "0.3"}}, a.timeout)
        res = init.get("result", {})
        rec("initialize", "protocolVersion" in res and "capabilities" in res,
            f"server={res.get('serverInfo')}, protocol={res.get('protocolVersion')}")
        c.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

        tools = []
        if "tools" in res.get("capabilities", {}):
            tl = c.request("tools/list", {}, a.timeout)
            tools = tl.get("result", {}).get("tools", [])
        names = [t.get("name", "") for t in tools]
        rec("tools/list", True, f"{len(tools)} tool(s)")
        rec("tool names valid & unique", all(NAME_RE.match(n) for n in names) and len(set(names)) == len(names),
            ", ".join(n for n in names if not NAME_RE.match(n)))
        bad_schema = [t["name"] for t in tools if (t.get("inputSchema") or {}).get("type") != "object"]
        rec("inputSchema is object", not bad_schema, ", ".join(bad_schema))
        bad_desc = [t["name"] for t in tools if not t.get("description") or len(t["description"]) > 1024]
        rec("descriptions present and < 1024 chars", not bad_desc, ", ".join(bad_desc))

        for spec in a.call:
            name, _, raw = spec.partition("=")
            args = json.loads(raw or "{}")
            try:
                r = c.request("tools/call", {"name": name, "arguments": args}, a.timeout)
                result = r.get("result") or {}
                ok = "content" in result and not result.get("isError")
                detail = json.dumps(result.get("content", r.get("error")))[:300]
                rec(f"call {name}", ok, detail)
            except TimeoutError as e:
                rec(f"call {name}", False, str(e))

        for method, cap in (("resources/list", "resources"), ("prompts/list", "prompts")):
            if cap in res.get("capabilities", {}):
                r = c.request(method, {}, a.timeout)
                rec(method, "result" in r, f"{len(r.get('result', {}).get(cap, []))} item(s)")
    except TimeoutError as e:
        rec("initialize", False, str(e))
    finally:
        rec("stdout carries only JSON", not c.non_json, " | ".join(c.non_json[:3]))
        rec("clean exit on stdin close", c.close(5))

    failed = [x for x in checks if not x["ok"]]
    for x in checks:
        print(f"{'PASS' if x['ok'] else 'FAIL'}  {x['check']}  {x['detail']}")
    if a.json:
        a.json.write_text(json.dumps({"command": cmd, "checks": checks}, indent=2))
    if failed:
        print("\nserver stderr (first lines):", file=sys.stderr)
        print("".join(Path("mcp-smoke.stderr.log").read_text(errors="replace").splitlines(True)[:20]),
              file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
