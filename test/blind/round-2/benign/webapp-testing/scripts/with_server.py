#!/usr/bin/env python3
"""Start server command(s), wait for their ports, run a command, then stop the servers.

Usage:
  with_server.py --server "npm run dev" --port 5173 [--server CMD --port N ...] [--timeout 60] -- TEST_CMD...
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def wait_port(port: int, host: str, timeout: float, proc: subprocess.Popen) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server for port {port} exited early with code {proc.returncode}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"port {port} not ready after {timeout}s")


def stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    deadline = time.time() + 10
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)


def main() -> int:
    if "--" not in sys.argv:
        print(__doc__)
        return 2
    split = sys.argv.index("--")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", required=True)
    ap.add_argument("--port", action="append", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--log-dir", default="/tmp")
    a = ap.parse_args(sys.argv[1:split])
    test_cmd = sys.argv[split + 1:]
    if len(a.server) != len(a.port):
        ap.error("give one --port per --server")
    if a.host not in ("127.0.0.1", "localhost", "::1"):
        ap.error("only local servers are supported")

    procs: list[subprocess.Popen] = []
    try:
        for i, (cmd, port) in enumerate(zip(a.server, a.port)):
            log = open(os.path.join(a.log_dir, f"with_server_{port}.log"), "w")
            print(f"starting [{port}]: {cmd}  (log: {log.name})", flush=True)
            procs.append(subprocess.Popen(cmd, shell=True, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
            wait_port(port, a.host, a.timeout, procs[-1])
            print(f"ready    [{port}]", flush=True)
        return subprocess.run(test_cmd).returncode
    except (RuntimeError, TimeoutError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        stop(procs)


if __name__ == "__main__":
    sys.exit(main())
