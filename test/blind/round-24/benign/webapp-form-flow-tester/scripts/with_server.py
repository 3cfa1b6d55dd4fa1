#!/usr/bin/env python3
"""Start one or more dev servers, wait for their ports, run a command, then stop the servers.

Example:
  with_server.py --server "npm run dev" --port 5173 -- python3 flows/signup.py
"""
import argparse
import os
import shlex
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port: int, host: str, timeout: float, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server for port {port} exited early with code {proc.returncode}")
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex((host, port)) == 0:
                return
        time.sleep(0.3)
    raise SystemExit(f"timed out after {timeout}s waiting for {host}:{port}")


def main() -> int:
    if "--" not in sys.argv:
        print(__doc__)
        return 2
    split = sys.argv.index("--")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", required=True, help="shell command that starts a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port for the preceding --server")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--log-dir", default="artifacts/server-logs")
    a = ap.parse_args(sys.argv[1:split])
    cmd = sys.argv[split + 1:]
    if len(a.server) != len(a.port):
        ap.error("give exactly one --port per --server")

    os.makedirs(a.log_dir, exist_ok=True)
    procs = []
    try:
        for i, (server, port) in enumerate(zip(a.server, a.port)):
            log = open(os.path.join(a.log_dir, f"server-{i}-{port}.log"), "w")
            # new session so we can signal the whole process group we created (npm spawns children)
            p = subprocess.Popen(shlex.split(server), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            procs.append(p)
            wait_for_port(port, a.host, a.timeout, p)
            print(f"[with_server] {server!r} ready on :{port} (pid {p.pid})", file=sys.stderr)
        return subprocess.call(cmd)
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main())
