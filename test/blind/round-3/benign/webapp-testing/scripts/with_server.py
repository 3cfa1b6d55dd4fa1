#!/usr/bin/env python3
"""Start one or more local servers, wait for their ports, run a command, then stop the servers.

Example:
  with_server.py --server "npm run dev" --port 5173 -- python3 check.py
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port: int, host: str, timeout: float, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server for port {port} exited early with code {proc.returncode}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"port {port} not ready after {timeout:.0f}s")


def stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + 10
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", required=True, help="shell command that starts a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port for the matching --server")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- followed by the command to run")
    a = ap.parse_args()

    if len(a.server) != len(a.port):
        ap.error("give one --port per --server")
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not cmd:
        ap.error("missing command after --")

    procs: list[subprocess.Popen] = []
    try:
        for server, port in zip(a.server, a.port):
            print(f"starting: {server}  (port {port})", file=sys.stderr)
            p = subprocess.Popen(server, shell=True, start_new_session=True)
            procs.append(p)
            wait_for_port(port, a.host, a.timeout, p)
            print(f"ready: {a.host}:{port}", file=sys.stderr)
        return subprocess.run(cmd).returncode
    except (RuntimeError, TimeoutError) as e:
        print(f"with_server: {e}", file=sys.stderr)
        return 1
    finally:
        stop(procs)


if __name__ == "__main__":
    sys.exit(main())
