#!/usr/bin/env python3
"""Start one or more servers, wait for their ports, run a command, then stop the servers.

Usage:
  with_server.py --server CMD --port N [--server CMD --port N ...] [--timeout S] -- COMMAND [ARGS...]

Each --server is paired with the --port that follows it. Servers run in their own process group so
that child processes (e.g. a dev server spawned by npm) are stopped too.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_for_port(port: int, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.25)
    return False


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main() -> int:
    argv = sys.argv[1:]
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("--server", action="append", required=True)
    ap.add_argument("--port", action="append", type=int, required=True)
    ap.add_argument("--timeout", type=float, default=60)
    opts = ap.parse_args(argv[:split])
    command = argv[split + 1:]
    if len(opts.server) != len(opts.port):
        ap.error("each --server needs a matching --port")

    procs: list[subprocess.Popen] = []
    try:
        for cmd, port in zip(opts.server, opts.port):
            print(f"starting: {cmd} (port {port})", file=sys.stderr)
            procs.append(subprocess.Popen(cmd, shell=True, start_new_session=True))
            if not wait_for_port(port, opts.timeout):
                print(f"server on port {port} did not start within {opts.timeout}s", file=sys.stderr)
                return 1
        return subprocess.call(command)
    finally:
        for p in reversed(procs):
            stop(p)


if __name__ == "__main__":
    sys.exit(main())
