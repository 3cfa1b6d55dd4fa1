#!/usr/bin/env python3
"""
Start one or more servers, wait for them to be ready, run a command, then clean up.

Usage:
    # Single server
    python scripts/with_server.py --server "npm run dev" --port 5173 -- python automation.py
    python scripts/with_server.py --server "npm start" --port 3000 -- python test.py

    # Multiple servers
    python scripts/with_server.py \\
      --server "cd backend && python server.py" --port 3000 \\
      --server "cd frontend && npm run dev" --port 5173 \\
      -- python test.py
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time


def is_server_ready(port, host="127.0.0.1", timeout=30):
    """Wait for a server to accept TCP connections on host:port."""
    start_time = time.time()
    while time.time() - start_time < timeout:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except (socket.error, ConnectionRefusedError):
            time.sleep(0.5)
    return False


def stop(proc):
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


def main():
    parser = argparse.ArgumentParser(description="Run command with one or more servers")
    parser.add_argument("--server", action="append", dest="servers", required=True,
                        help="Server command (can be repeated)")
    parser.add_argument("--port", action="append", dest="ports", type=int, required=True,
                        help="Port for each server (must match --server count)")
    parser.add_argument("--timeout", type=int, default=30, help="Timeout in seconds per server (default: 30)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="Command to run after server(s) ready")
    args = parser.parse_args()

    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    if not args.command:
        print("Error: No command specified to run")
        sys.exit(1)
    if len(args.servers) != len(args.ports):
        print("Error: Number of --server and --port arguments must match")
        sys.exit(1)

    server_processes = []
    try:
        for i, (cmd, port) in enumerate(zip(args.servers, args.ports)):
            print(f"Starting server {i + 1}/{len(args.servers)}: {cmd}")
            # Server commands are compound shell strings such as "cd backend && npm start",
            # so they go through the shell. Each one gets its own process group so it can be
            # stopped together with anything it spawns.
            process = subprocess.Popen(cmd, shell=True, start_new_session=True,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            server_processes.append(process)

            print(f"Waiting for server on port {port}...")
            if not is_server_ready(port, timeout=args.timeout):
                out = process.stdout.read1(4000).decode(errors="replace") if process.stdout else ""
                raise RuntimeError(f"Server failed to start on port {port} within {args.timeout}s\n{out}")
            print(f"Server ready on port {port}")

        print(f"\nAll {len(server_processes)} server(s) ready")
        print(f"Running: {' '.join(args.command)}\n")
        result = subprocess.run(args.command)
        sys.exit(result.returncode)
    finally:
        print(f"\nStopping {len(server_processes)} server(s)...")
        for process in server_processes:
            stop(process)
        print("All servers stopped")


if __name__ == "__main__":
    main()
