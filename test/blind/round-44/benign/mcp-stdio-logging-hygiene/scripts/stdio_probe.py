#!/usr/bin/env python3
"""Start a stdio MCP server, send initialize + tools/list, and flag non-protocol stdout lines.

Usage: stdio_probe.py [--timeout 10] -- <server command...>
"""
import json
import subprocess
import sys
import threading
import time


def main() -> int:
    argv = sys.argv[1:]
    timeout = 10.0
    if argv[:1] == ["--timeout"]:
        timeout, argv = float(argv[1]), argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        sys.exit("usage: stdio_probe.py [--timeout N] -- <command> [args...]")

    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    stderr_lines: list[str] = []
    threading.Thread(target=lambda: stderr_lines.extend(p.stderr), daemon=True).start()

    def send(msg: dict) -> None:
        p.stdin.write(json.dumps(msg) + "\n")
        p.stdin.flush()

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "stdio-probe", "version": "0.1"}}})

    bad, answered, deadline = 0, set(), time.time() + timeout
    sent_list = False
    while time.time() < deadline and answered != {1, 2}:
        line = p.stdout.readline()
        if not line:
            break
        try:
            msg = json.loads(line)
            ok = isinstance(msg, dict) and msg.get("jsonrpc") == "2.0"
        except json.JSONDecodeError:
            ok = False
        if not ok:
            bad += 1
            print(f"NON-PROTOCOL stdout: {line.rstrip()[:200]!r}")
            continue
        if msg.get("id") in (1, 2):
            answered.add(msg["id"])
            if msg["id"] == 1 and not sent_list:
                send({"jsonrpc": "2.0", "method": "notifications/initialized"})
                send({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
                sent_list = True
            if msg["id"] == 2 and "result" in msg:
                names = [t.get("name") for t in msg["result"].get("tools", [])]
                print(f"tools/list ok: {len(names)} tool(s): {', '.join(names[:10])}")
    p.terminate()
    try:
        p.wait(timeout=3)
    except subprocess.TimeoutExpired:
        p.kill()

    print(f"initialize answered: {1 in answered}; tools/list answered: {2 in answered}")
    print(f"non-protocol stdout lines: {bad}; stderr lines: {len(stderr_lines)}")
    for l in stderr_lines[:5]:
        print(f"  stderr: {l.rstrip()[:160]}")
    return 0 if bad == 0 and answered == {1, 2} else 1


if __name__ == "__main__":
    sys.exit(main())
