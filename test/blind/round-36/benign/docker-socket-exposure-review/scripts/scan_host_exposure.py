#!/usr/bin/env python3
"""Flag container specs that grant host-level control."""
import argparse
import json
import os
import sys

import yaml

SENSITIVE_HOST = ("/", "/etc", "/root", "/var/lib/kubelet", "/proc", "/sys", "/dev", "/var/lib/docker", "/home")
DANGEROUS_CAPS = {"SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "NET_ADMIN", "DAC_READ_SEARCH", "ALL", "SYS_RAWIO", "BPF"}
SOCKETS = ("docker.sock", "containerd.sock", "crio.sock", "podman.sock")

findings = []


def add(sev, path, where, msg):
    findings.append({"severity": sev, "file": path, "where": where, "issue": msg})


def check_volume_str(v, path, where):
    src = v.split(":")[0]
    if any(s in src for s in SOCKETS):
        add("critical", path, where, f"container runtime socket mounted: {v}")
    elif src.rstrip("/") in [h.rstrip("/") for h in SENSITIVE_HOST] or src == "/":
        ro = v.endswith(":ro")
        add("medium" if ro else "high", path, where, f"sensitive host path mounted{' (ro)' if ro else ''}: {v}")


def compose(doc, path):
    for name, svc in (doc.get("services") or {}).items():
        w = f"services.{name}"
        if not isinstance(svc, dict):
            continue
        if svc.get("privileged"):
            add("critical", path, w, "privileged: true")
        for k in ("pid", "ipc", "network_mode", "userns_mode"):
            if svc.get(k) == "host":
                add("high", path, w, f"{k}: host")
        for c in svc.get("cap_add") or []:
            if str(c).upper().replace("CAP_", "") in DANGEROUS_CAPS:
                add("high", path, w, f"cap_add {c}")
        for so in svc.get("security_opt") or []:
            if "unconfined" in str(so):
                add("medium", path, w, f"security_opt {so}")
        for v in svc.get("volumes") or []:
            if isinstance(v, str):
                check_volume_str(v, path, w)
            elif isinstance(v, dict) and v.get("type") == "bind":
                check_volume_str(f"{v.get('source')}:{v.get('target')}" + (":ro" if v.get("read_only") else ""), path, w)


def pod_spec(spec, path, w):
    for k in ("hostPID", "hostIPC", "hostNetwork"):
        if spec.get(k):
            add("high", path, w, f"{k}: true")
    host_vols = {}
    for v in spec.get("volumes") or []:
        hp = (v.get("hostPath") or {}).get("path")
        if hp:
            host_vols[v.get("name")] = hp
    for c in (spec.get("containers") or []) + (spec.get("initContainers") or []):
        cw = f"{w}.containers[{c.get('name')}]"
        sc = c.get("securityContext") or {}
        if sc.get("privileged"):
            add("critical", path, cw, "securityContext.privileged: true")
        if sc.get("allowPrivilegeEscalation") is True:
            add("medium", path, cw, "allowPrivilegeEscalation: true")
        for cap in ((sc.get("capabilities") or {}).get("add") or []):
            if str(cap).upper().replace("CAP_", "") in DANGEROUS_CAPS:
                add("high", path, cw, f"capability {cap}")
        for m in c.get("volumeMounts") or []:
            hp = host_vols.get(m.get("name"))
            if hp:
                check_volume_str(hp + ":" + m.get("mountPath", "") + (":ro" if m.get("readOnly") else ""), path, cw)


def k8s(doc, path):
    kind = doc.get("kind", "")
    w = f"{kind}/{(doc.get('metadata') or {}).get('name')}"
    spec = doc.get("spec") or {}
    if kind == "Pod":
        pod_spec(spec, path, w)
    elif kind == "CronJob":
        pod_spec(((spec.get("jobTemplate") or {}).get("spec") or {}).get("template", {}).get("spec", {}), path, w)
    elif "template" in spec:
        pod_spec((spec.get("template") or {}).get("spec") or {}, path, w)


def gha(doc, path):
    for jname, job in (doc.get("jobs") or {}).items():
        blocks = [("container", job.get("container"))] + [(f"services.{k}", v) for k, v in (job.get("services") or {}).items()]
        for label, b in blocks:
            if isinstance(b, dict):
                opts = str(b.get("options", ""))
                if "--privileged" in opts:
                    add("critical", path, f"jobs.{jname}.{label}", "--privileged in options")
                for v in b.get("volumes") or []:
                    check_volume_str(str(v), path, f"jobs.{jname}.{label}")


def handle(path, text):
    try:
        docs = list(yaml.safe_load_all(text))
    except yaml.YAMLError as e:
        print(f"skip {path}: {e}", file=sys.stderr)
        return
    for d in docs:
        if not isinstance(d, dict):
            continue
        if "services" in d and "jobs" not in d:
            compose(d, path)
        elif "apiVersion" in d and "kind" in d:
            k8s(d, path)
        elif "jobs" in d:
            gha(d, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", help="directory, file, or - for stdin")
    ap.add_argument("--format", choices=["table", "md", "json"], default="table")
    a = ap.parse_args()
    if a.root == "-":
        handle("<stdin>", sys.stdin.read())
    elif os.path.isfile(a.root):
        handle(a.root, open(a.root).read())
    else:
        for d, dirs, files in os.walk(a.root):
            dirs[:] = [x for x in dirs if x not in {".git", "node_modules", "vendor"}]
            for f in files:
                if f.endswith((".yml", ".yaml")):
                    p = os.path.join(d, f)
                    handle(p, open(p, encoding="utf-8", errors="replace").read())
    order = {"critical": 0, "high": 1, "medium": 2}
    findings.sort(key=lambda f: (order[f["severity"]], f["file"]))
    if a.format == "json":
        print(json.dumps(findings, indent=2))
    elif a.format == "md":
        print("| severity | file | where | issue |\n| --- | --- | --- | --- |")
        for f in findings:
            print(f"| {f['severity']} | `{f['file']}` | `{f['where']}` | {f['issue']} |")
    else:
        for f in findings:
            print(f"{f['severity']:<9}{f['file']}  {f['where']}  {f['issue']}")
    sys.exit(1 if any(f["severity"] == "critical" for f in findings) else 0)


if __name__ == "__main__":
    main()
