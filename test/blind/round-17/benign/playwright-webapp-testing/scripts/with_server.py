#!/usr/bin/env python3
"""Start one or more servers, wait for their ports, run a command, then stop the servers.

Examples:
  with_server.py --server "npm run dev" --port 5173 -- python3 check.py
  with_server.py --server "python3 -m http.server 8000" --port 8000 --timeout 20 -- pytest -q
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port: int, timeout: float, host: str = "127.0.0.1") -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", required=True, help="shell command that starts a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port for the matching --server")
    ap.add_argument("--timeout", type=float, default=60, help="seconds to wait for each port")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="command to run after '--'")
    args = ap.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if len(args.server) != len(args.port):
        ap.error("give exactly one --port per --server")
    if not cmd:
        ap.error("missing command after --")

    procs = []
    try:
        for server, port in zip(args.server, args.port):
            print(f"starting: {server} (port {port})", flush=True)
            procs.append(subprocess.Popen(server, shell=True, start_new_session=True))
            if not wait_for_port(port, args.timeout):
                print(f"error: port {port} not ready after {args.timeout}s", file=sys.stderr)
                return 1
            print(f"ready: port {port}", flush=True)
        return subprocess.call(cmd)
    finally:
        for proc in procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


if __name__ == "__main__":
    sys.exit(main())
