#!/usr/bin/env python3
"""Start one or more servers, wait for their ports, run a command, then stop the servers.

usage: with_server.py --server CMD --port N [--server CMD --port N ...] [--timeout S] -- COMMAND...
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_port(port: int, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.25)
    return False


def main() -> int:
    if "--" not in sys.argv:
        print(__doc__)
        return 2
    split = sys.argv.index("--")
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", action="append", required=True)
    ap.add_argument("--port", action="append", type=int, required=True)
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args(sys.argv[1:split])
    command = sys.argv[split + 1:]
    if len(a.server) != len(a.port):
        print("each --server needs a --port", file=sys.stderr)
        return 2
    procs = []
    try:
        for cmd, port in zip(a.server, a.port):
            print(f"starting: {cmd} (port {port})", file=sys.stderr)
            procs.append(subprocess.Popen(cmd, shell=True, start_new_session=True))
            if not wait_port(port, a.timeout):
                print(f"port {port} not ready after {a.timeout}s", file=sys.stderr)
                return 1
        return subprocess.call(command)
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(timeout=10)
            except Exception:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


if __name__ == "__main__":
    sys.exit(main())
