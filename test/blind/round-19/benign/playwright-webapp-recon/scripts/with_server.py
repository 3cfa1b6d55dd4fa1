#!/usr/bin/env python3
"""Start one or more servers, wait until their ports accept connections, run a command, clean up.

Examples:
    python with_server.py --server "npm run dev" --port 5173 -- python test.py
    python with_server.py --server "uvicorn app:app --port 8000" --port 8000 \\
                          --server "npm run dev" --port 5173 -- pytest e2e/

Each --server must be followed by its --port. Everything after "--" is the command to run.
The exit status is the exit status of that command.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def wait_for(port: int, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server for port {port} exited early with status {proc.returncode}")
        if port_open(port):
            return
        time.sleep(0.5)
    raise TimeoutError(f"port {port} not ready after {timeout}s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def main() -> int:
    if "--" not in sys.argv:
        print(__doc__)
        return 2
    split = sys.argv.index("--")
    ours, command = sys.argv[1:split], sys.argv[split + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", required=True, help="shell command that starts a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port the preceding server listens on")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each port")
    ap.add_argument("--log-dir", default="/tmp/with_server_logs")
    args = ap.parse_args(ours)
    if len(args.server) != len(args.port):
        ap.error("give exactly one --port per --server")
    if not command:
        ap.error("no command after --")

    for port in args.port:
        if port_open(port):
            print(f"port {port} is already in use; is a server already running?", file=sys.stderr)
            return 3

    os.makedirs(args.log_dir, exist_ok=True)
    procs = []
    try:
        for i, (cmd, port) in enumerate(zip(args.server, args.port)):
            log = open(os.path.join(args.log_dir, f"server{i}_{port}.log"), "w")
            print(f"starting: {cmd}  (log: {log.name})")
            p = subprocess.Popen(cmd, shell=True, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            procs.append(p)
            wait_for(port, p, args.timeout)
            print(f"port {port} ready")
        return subprocess.call(command)
    except (RuntimeError, TimeoutError) as exc:
        print(f"error: {exc}. See logs in {args.log_dir}", file=sys.stderr)
        return 4
    finally:
        for p in reversed(procs):
            stop(p)


if __name__ == "__main__":
    sys.exit(main())
