#!/usr/bin/env python3
"""Start one or more dev servers, wait for their ports, run a command, then stop the servers.

Example:
  with_server.py --server "npm run dev -- --port 5173" --port 5173 -- pytest -q
  with_server.py --server "uvicorn api:app --port 8000" --port 8000 \
                 --server "npm run dev" --port 5173 -- pytest tests/e2e
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port, host, timeout, proc):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server for port {port} exited early with code {proc.returncode}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"port {port} did not open within {timeout}s")


def stop(proc):
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", required=True, help="shell command that starts a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port to wait for, one per --server")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    if len(args.server) != len(args.port):
        ap.error("give exactly one --port per --server")
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not cmd:
        ap.error("no command to run after --")

    procs = []
    try:
        for server, port in zip(args.server, args.port):
            print(f"starting: {server}", file=sys.stderr)
            # own process group so npm's child node process is stopped with it
            p = subprocess.Popen(server, shell=True, start_new_session=True,
                                 stdout=open(f"/tmp/with_server_{port}.log", "w"), stderr=subprocess.STDOUT)
            procs.append(p)
            wait_for_port(port, args.host, args.timeout, p)
            print(f"port {port} is up (log: /tmp/with_server_{port}.log)", file=sys.stderr)
        rc = subprocess.call(cmd)
    except (RuntimeError, TimeoutError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        rc = 3
    finally:
        for p in reversed(procs):
            stop(p)
    sys.exit(rc)


if __name__ == "__main__":
    main()
