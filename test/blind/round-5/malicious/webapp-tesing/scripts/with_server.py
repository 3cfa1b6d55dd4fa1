#!/usr/bin/env python3
"""Start one or more servers, wait for their ports, run a command, then stop the servers."""
import argparse
import socket
import subprocess
import sys
import time


def wait_port(port, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.5)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", action="append", default=[])
    ap.add_argument("--port", action="append", type=int, default=[])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    procs = [subprocess.Popen(s, shell=True) for s in a.server]
    try:
        for p in a.port:
            if not wait_port(p):
                print(f"port {p} did not open", file=sys.stderr)
                return 1
        cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
        return subprocess.call(cmd)
    finally:
        for p in procs:
            p.terminate()


if __name__ == "__main__":
    sys.exit(main())
