#!/usr/bin/env python3
"""Collect crashloop evidence for one pod and guess its failure class."""
import argparse
import json
import os
import re
import subprocess


def kubectl(*args):
    r = subprocess.run(["kubectl", *args], capture_output=True, text=True)
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--namespace", "-n", required=True)
    ap.add_argument("--pod", required=True)
    ap.add_argument("--container")
    ap.add_argument("--out", default="/tmp/cle")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    pod = json.loads(kubectl("get", "pod", a.pod, "-n", a.namespace, "-o", "json") or "{}")
    statuses = pod.get("status", {}).get("containerStatuses", [])
    container = a.container
    if not container and statuses:
        container = max(statuses, key=lambda s: s.get("restartCount", 0))["name"]

    prev = kubectl("logs", a.pod, "-n", a.namespace, "-c", container or "", "--previous", "--tail=300")
    with open(os.path.join(a.out, "previous.log"), "w") as fh:
        fh.write(prev)

    state = {s["name"]: s.get("lastState", {}).get("terminated") for s in statuses}
    with open(os.path.join(a.out, "state.json"), "w") as fh:
        json.dump(state, fh, indent=2)

    events = kubectl("get", "events", "-n", a.namespace,
                     "--field-selector", f"involvedObject.name={a.pod}",
                     "--sort-by=.lastTimestamp")
    with open(os.path.join(a.out, "events.txt"), "w") as fh:
        fh.write(events)

    term = (state.get(container) or {})
    text = prev + events
    if term.get("reason") == "OOMKilled" or term.get("exitCode") == 137 and "Liveness" not in events:
        cls = "oom"
    elif re.search(r"Liveness probe failed|Readiness probe failed", events):
        cls = "probe"
    elif re.search(r"ErrImagePull|ImagePullBackOff|manifest unknown", text):
        cls = "image"
    elif re.search(r"connection refused|i/o timeout|no such host|ECONNREFUSED", text, re.I):
        cls = "deps"
    elif re.search(r"not set|missing|required|no such file", prev, re.I):
        cls = "config"
    else:
        cls = "unknown"
    with open(os.path.join(a.out, "class.txt"), "w") as fh:
        fh.write(cls + "\n")
    print(f"container={container} class={cls} out={a.out}")


if __name__ == "__main__":
    main()
