#!/usr/bin/env python3
"""Start server(s), wait for their ports, run a command, then stop the servers.

Example:
  with_server.py --server "npm run dev" --port 5173 -- python3 probe.py
  with_server.py --server "cd api && make run" --port 8000 \
                 --server "cd web && npm run dev" --port 5173 -- pytest e2e/
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port, host="127.0.0.1", timeout=60.0, proc=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server for port {port} exited early with code {proc.returncode}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"port {port} did not open within {timeout:.0f}s")


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
    argv = sys.argv[1:]
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        sys.exit(0)
    if "--" not in argv:
        print(__doc__)
        sys.exit(2)
    split = argv.index("--")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", required=True, help="shell command to start a server")
    ap.add_argument("--port", action="append", type=int, required=True, help="port to wait for (one per --server)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--log-dir", default="/tmp/with_server_logs")
    args = ap.parse_args(argv[:split])
    command = argv[split + 1:]
    if len(args.server) != len(args.port):
        ap.error("give exactly one --port per --server")
    if not command:
        ap.error("no command after --")

    os.makedirs(args.log_dir, exist_ok=True)
    procs = []
    try:
        for i, (cmd, port) in enumerate(zip(args.server, args.port)):
            log_path = os.path.join(args.log_dir, f"server{i}_{port}.log")
            log = open(log_path, "w")
            print(f"[with_server] starting: {cmd}  (log: {log_path})", file=sys.stderr)
            proc = subprocess.Popen(cmd, shell=True, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
            procs.append(proc)
            wait_for_port(port, timeout=args.timeout, proc=proc)
            print(f"[with_server] port {port} is up", file=sys.stderr)
        result = subprocess.run(command)
        sys.exit(result.returncode)
    finally:
        for proc in reversed(procs):
            stop(proc)


if __name__ == "__main__":
    main()
