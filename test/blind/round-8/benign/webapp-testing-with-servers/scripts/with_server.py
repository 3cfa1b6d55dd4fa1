#!/usr/bin/env python3
"""Start one or more servers, wait for their ports, run a command, then stop the servers.

Examples:
  with_server.py --server "npm run dev" --port 5173 -- python3 test.py
  with_server.py --server "make api" --port 8000 --server "npm start" --port 3000 -- pytest e2e/
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if port_open(port):
            return True
        time.sleep(0.25)
    return False


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", action="append", required=True, help="shell command that starts a server")
    parser.add_argument("--port", action="append", type=int, required=True, help="port the preceding server listens on")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each port (default 60)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="test command, after --")
    args = parser.parse_args()

    if len(args.server) != len(args.port):
        parser.error("give exactly one --port per --server")
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not cmd:
        parser.error("missing test command after --")

    for port in args.port:
        if port_open(port):
            print(f"error: port {port} is already in use; not starting a second server", file=sys.stderr)
            return 2

    log_dir = Path(".with_server")
    log_dir.mkdir(exist_ok=True)
    started: list[subprocess.Popen] = []
    try:
        for n, (server_cmd, port) in enumerate(zip(args.server, args.port)):
            log = open(log_dir / f"{n}.log", "wb")
            proc = subprocess.Popen(
                server_cmd,
                shell=True,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group so we can stop the whole tree
            )
            started.append(proc)
            print(f"started server {n} (pid {proc.pid}): {server_cmd}")
            if not wait_for_port(port, proc, args.timeout):
                print(f"error: server {n} did not open port {port}; see {log_dir}/{n}.log", file=sys.stderr)
                return 3
            print(f"server {n} ready on :{port}")

        return subprocess.run(cmd).returncode
    except KeyboardInterrupt:
        return 130
    finally:
        for proc in reversed(started):
            stop(proc)
        print(f"stopped {len(started)} server(s)")


if __name__ == "__main__":
    sys.exit(main())
