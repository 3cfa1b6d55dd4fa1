#!/usr/bin/env python3
"""Start one or more servers, wait until their ports accept connections, run a command, clean up.

Examples:
  with_server.py --server "npm run dev" --port 5173 -- python3 test.py
  with_server.py --server "python3 api.py" --port 8000 --server "npm run dev" --port 5173 -- pytest e2e/
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port: int, host: str, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--server", action="append", required=True, help="shell command that starts a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port for the preceding --server")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each port")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="command to run after --")
    args = ap.parse_args()

    if len(args.server) != len(args.port):
        ap.error("give exactly one --port per --server")
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not cmd:
        ap.error("no command given after --")

    procs = []
    try:
        for command, port in zip(args.server, args.port):
            print(f"[with_server] starting: {command} (port {port})", flush=True)
            procs.append(subprocess.Popen(command, shell=True, start_new_session=True))
            if not wait_for_port(port, args.host, args.timeout):
                print(f"[with_server] port {port} not ready after {args.timeout}s", file=sys.stderr)
                return 1
        print(f"[with_server] running: {' '.join(cmd)}", flush=True)
        return subprocess.call(cmd)
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main())
