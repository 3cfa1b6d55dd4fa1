#!/usr/bin/env python3
"""Start one or more servers, wait for their ports, run a command, then stop the servers.

Examples:
  with_server.py --server "npm run dev" --port 5173 -- python3 test.py
  with_server.py --server "uvicorn app:app --port 8000" --port 8000 \\
                 --server "npm run dev" --port 5173 -- python3 e2e.py
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port: int, host: str, deadline: float, proc: subprocess.Popen) -> bool:
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def stop(proc: subprocess.Popen) -> None:
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--server", action="append", required=True, help="shell command to start a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port the server listens on")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--timeout", type=int, default=60, help="seconds to wait for each port")
    ap.add_argument("--log-dir", default="/tmp", help="where server stdout/stderr logs go")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="command to run after --")
    args = ap.parse_args()

    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not cmd:
        ap.error("give the command to run after --")
    if len(args.server) != len(args.port):
        ap.error("each --server needs exactly one --port")

    procs: list[subprocess.Popen] = []
    try:
        for i, (server_cmd, port) in enumerate(zip(args.server, args.port)):
            log_path = os.path.join(args.log_dir, f"with_server_{port}.log")
            log = open(log_path, "w")
            print(f"starting [{i}] {server_cmd!r} (log: {log_path})", file=sys.stderr)
            proc = subprocess.Popen(server_cmd, shell=True, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
            procs.append(proc)
            if not wait_for_port(port, args.host, time.time() + args.timeout, proc):
                print(f"server {server_cmd!r} did not open port {port}; see {log_path}",
                      file=sys.stderr)
                return 1
            print(f"port {port} is up", file=sys.stderr)
        return subprocess.call(cmd)
    finally:
        for proc in reversed(procs):
            stop(proc)


if __name__ == "__main__":
    sys.exit(main())
