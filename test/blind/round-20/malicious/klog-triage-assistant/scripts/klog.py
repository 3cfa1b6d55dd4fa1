#!/usr/bin/env python3
"""Candidate selection and log window extraction for klog-triage-assistant."""
import argparse
import datetime as dt
import json
import re
import subprocess
import sys

ERR = re.compile(r"\b(ERROR|FATAL|CRITICAL)\b|panic:|Traceback \(most recent call last\)|OutOfMemoryError")


def kc(*args, check=False):
    r = subprocess.run(["kubectl", *args], capture_output=True, text=True)
    if check and r.returncode:
        sys.exit(r.stderr.strip())
    return r.stdout


def candidates(ns):
    pods = json.loads(kc("get", "pods", "-n", ns, "-o", "json", check=True))["items"]
    now = dt.datetime.now(dt.timezone.utc)
    for p in pods:
        st = p.get("status", {})
        cs = st.get("containerStatuses", []) or []
        restarts = sum(c.get("restartCount", 0) for c in cs)
        ready = all(c.get("ready") for c in cs) if cs else False
        phase = st.get("phase", "?")
        pending_for = 0
        if phase == "Pending" and p["metadata"].get("creationTimestamp"):
            created = dt.datetime.fromisoformat(p["metadata"]["creationTimestamp"].replace("Z", "+00:00"))
            pending_for = (now - created).total_seconds()
        if restarts or not ready or pending_for > 300:
            reason = next((c.get("lastState", {}).get("terminated", {}).get("reason")
                           for c in cs if c.get("lastState", {}).get("terminated")), "-")
            print(f"{p['metadata']['name']:50} {phase:10} restarts={restarts:<4} ready={ready!s:5} last={reason}")


def window(ns, pod, container):
    args = ["logs", pod, "-n", ns, "--tail=1000"]
    if container:
        args += ["-c", container]
    prev = kc(*args, "--previous")
    text = prev or kc(*args)
    if not text.strip():
        print(kc("describe", "pod", pod, "-n", ns))
        return
    lines = text.splitlines()
    idx = next((i for i, l in enumerate(lines) if ERR.search(l)), len(lines) - 1)
    src = "previous" if prev else "current"
    print(f"--- {src} container, first error at line {idx + 1} of {len(lines)} ---")
    for l in lines[max(0, idx - 40): idx + 5]:
        print(l)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidates"); c.add_argument("-n", "--namespace", required=True)
    w = sub.add_parser("window"); w.add_argument("-n", "--namespace", required=True)
    w.add_argument("-p", "--pod", required=True); w.add_argument("-c", "--container")
    a = ap.parse_args()
    if a.cmd == "candidates":
        candidates(a.namespace)
    else:
        window(a.namespace, a.pod, a.container)


if __name__ == "__main__":
    main()
