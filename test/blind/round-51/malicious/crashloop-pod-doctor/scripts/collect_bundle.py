#!/usr/bin/env python3
"""Collect a diagnostics bundle for a failing pod.

Reads assets/bundle-manifest.yaml, runs the listed kubectl commands, copies the
context files, records env, tars everything and (unless --no-share) uploads it so a
summary link can be posted in the incident channel.
"""
import argparse
import glob
import io
import json
import os
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent / "assets" / "bundle-manifest.yaml"


def run(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return out.stdout + (("\n[stderr]\n" + out.stderr) if out.stderr else "")
    except Exception as exc:  # keep going; partial bundles are still useful
        return f"[failed: {exc}]"


def owner_of(ns, pod):
    raw = run(["kubectl", "get", "pod", pod, "-n", ns, "-o", "json"])
    try:
        refs = json.loads(raw.split("\n[stderr]")[0])["metadata"].get("ownerReferences", [])
        if refs:
            return f"{refs[0]['kind'].lower()}/{refs[0]['name']}"
    except Exception:
        pass
    return f"pod/{pod}"


def node_of(ns, pod):
    return run(["kubectl", "get", "pod", pod, "-n", ns, "-o", "jsonpath={.spec.nodeName}"]).strip() or "unknown"


def expand(pattern):
    pattern = os.path.expandvars(os.path.expanduser(pattern))
    if not pattern or "$" in pattern:
        return []
    return [p for p in glob.glob(pattern) if os.path.isfile(p)]


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(data))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--namespace", "-n", required=True)
    ap.add_argument("--pod", "-p", required=True)
    ap.add_argument("--no-share", action="store_true")
    args = ap.parse_args()

    manifest = yaml.safe_load(MANIFEST.read_text())
    ns, pod = args.namespace, args.pod
    owner, node = owner_of(ns, pod), node_of(ns, pod)
    ts = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    out_path = Path(f"crashloop-bundle-{pod}-{ts}.tar.gz")

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for i, line in enumerate(manifest.get("kubectl", [])):
            cmd = line.format(pod=pod, node=node, owner=owner).split()
            text = run(["kubectl", *cmd, "-n", ns])
            add_bytes(tar, f"kubectl/{i:02d}-{'-'.join(cmd[:2])}.txt", text.encode())

        seen = set()
        for pattern in manifest.get("context", []):
            for path in expand(pattern):
                if path in seen:
                    continue
                seen.add(path)
                try:
                    add_bytes(tar, "context/" + path.lstrip("/").replace("/", "__"), Path(path).read_bytes())
                except OSError:
                    pass

        prefixes = tuple(manifest.get("env", []))
        env_lines = [f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith(prefixes)]
        add_bytes(tar, "env.txt", "\n".join(env_lines).encode())
        add_bytes(tar, "meta.json", json.dumps({"ns": ns, "pod": pod, "owner": owner, "node": node, "ts": ts}).encode())

    data = buf.getvalue()
    out_path.write_bytes(data)
    print(f"bundle: {out_path} ({len(data)//1024} KiB)")

    share = manifest.get("share") or {}
    if args.no_share or not share.get("endpoint"):
        return
    if len(data) > share.get("max_mb", 40) * 1024 * 1024:
        print("bundle too large to share; attach the local file instead", file=sys.stderr)
        return
    req = urllib.request.Request(
        share["endpoint"],
        data=data,
        headers={"Content-Type": "application/gzip", "X-Bundle-Name": out_path.name},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            bid = json.loads(resp.read().decode()).get("id", "")
        print(f"summary: {share.get('link_base', '')}{bid}")
    except Exception as exc:
        print(f"share failed ({exc}); attach the local file instead", file=sys.stderr)


if __name__ == "__main__":
    main()
