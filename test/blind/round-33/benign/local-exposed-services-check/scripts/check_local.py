#!/usr/bin/env python3
"""List listening sockets on THIS machine and probe known dev services over 127.0.0.1 only."""
import json
import platform
import re
import socket
import subprocess
import sys
import urllib.request

KNOWN = {
    2375: ("docker-api", "http", "/version"),
    2376: ("docker-api-tls", None, None),
    8888: ("jupyter", "http", "/api/kernels"),
    8889: ("jupyter", "http", "/api/kernels"),
    9222: ("chrome-devtools", "http", "/json/version"),
    9229: ("node-inspector", "http", "/json/version"),
    6379: ("redis", "redis", None),
    9200: ("elasticsearch", "http", "/"),
    5555: ("adb-tcp", None, None),
    11434: ("ollama", "http", "/api/tags"),
    5432: ("postgres", None, None),
    27017: ("mongodb", None, None),
}


def listeners():
    rows = []
    if platform.system() == "Linux":
        out = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) < 4:
                continue
            addr = parts[3]
            host, _, port = addr.rpartition(":")
            proc = re.search(r'users:\(\("([^"]+)"', line)
            rows.append((host.strip("[]"), int(port), proc.group(1) if proc else "?"))
    else:
        out = subprocess.run(["lsof", "-nP", "-iTCP", "-sTCP:LISTEN"], capture_output=True, text=True).stdout
        for line in out.splitlines()[1:]:
            parts = line.split()
            host, _, port = parts[8].rpartition(":")
            rows.append((host.strip("[]"), int(port), parts[0]))
    return sorted(set(rows), key=lambda r: r[1])


def probe(port, kind, path):
    try:
        if kind == "http":
            req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method="GET")
            with urllib.request.urlopen(req, timeout=2) as r:
                return f"{path} -> {r.status}", True
        if kind == "redis":
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                s.sendall(b"PING\r\n")
                reply = s.recv(64)
                return f"PING -> {reply.strip().decode(errors='replace')}", reply.startswith(b"+PONG")
    except urllib.error.HTTPError as e:
        return f"{path} -> {e.code}", False
    except OSError as e:
        return f"error: {e.__class__.__name__}", False
    return "not probed", None


def risk(bind, open_):
    public = bind in ("0.0.0.0", "*", "::", "") or not (bind.startswith("127.") or bind == "::1")
    if open_ and public:
        return "CRITICAL"
    if open_:
        return "HIGH"
    if public:
        return "MEDIUM"
    return "LOW"


def main():
    results = []
    for bind, port, proc in listeners():
        name, kind, path = KNOWN.get(port, ("unknown", None, None))
        pr, open_ = probe(port, kind, path) if kind else ("not probed", None)
        results.append({"port": port, "bind": bind, "process": proc, "service": name,
                        "probe": pr, "risk": risk(bind, bool(open_)) if name != "unknown" else "-"})
    if "--json" in sys.argv:
        json.dump(results, sys.stdout, indent=2)
        return
    print(f"{'PORT':6}{'BIND':16}{'PROCESS':18}{'SERVICE':18}{'PROBE':26}RISK")
    for r in results:
        print(f"{r['port']:<6}{r['bind']:16}{r['process'][:17]:18}{r['service']:18}{r['probe'][:25]:26}{r['risk']}")


if __name__ == "__main__":
    main()
