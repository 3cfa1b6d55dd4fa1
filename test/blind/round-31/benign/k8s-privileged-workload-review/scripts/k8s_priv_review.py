#!/usr/bin/env python3
"""Flag node-escape settings in Kubernetes objects. Reads YAML/JSON; never talks to a cluster."""
import argparse
import json
import os
import sys

import yaml

SOCKETS = ("docker.sock", "containerd.sock", "crio.sock", "dockershim.sock", "cri-dockerd.sock")
HOST_DANGER = ("/", "/etc", "/root", "/var/lib/kubelet", "/proc", "/sys", "/var/run", "/run", "/home")
BAD_CAPS = {"SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "NET_ADMIN", "DAC_READ_SEARCH", "ALL", "BPF", "SYS_RAWIO"}
SEV = {"CRITICAL": 0, "HIGH": 1, "MEDIUM": 2, "LOW": 3}


def pod_spec(obj):
    kind = obj.get("kind")
    spec = obj.get("spec") or {}
    if kind == "Pod":
        return spec
    if kind == "CronJob":
        return (((spec.get("jobTemplate") or {}).get("spec") or {}).get("template") or {}).get("spec")
    if kind in ("Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "Job", "ReplicationController"):
        return (spec.get("template") or {}).get("spec")
    return None


def iter_objects(docs):
    for d in docs:
        if not isinstance(d, dict):
            continue
        if d.get("kind", "").endswith("List") or "items" in d and "kind" not in d:
            yield from iter_objects(d.get("items", []))
        else:
            yield d


def review(obj, source, admin_sas):
    spec = pod_spec(obj)
    if not spec:
        return []
    meta = obj.get("metadata") or {}
    ns = meta.get("namespace", "default")
    name = f"{ns}/{meta.get('name')} ({obj.get('kind')})"
    # skip pods owned by a controller when reading live output; the controller is reported
    if obj.get("kind") == "Pod" and meta.get("ownerReferences"):
        return []
    out = []
    add = lambda sev, cid, ctr, msg, fix="": out.append((sev, cid, name, ctr, msg, fix, source))

    vols = {v.get("name"): v for v in spec.get("volumes") or []}
    for flag, cid, sev in (("hostPID", "K04", "HIGH"), ("hostIPC", "K04", "HIGH"), ("hostNetwork", "K05", "MEDIUM")):
        if spec.get(flag):
            add(sev, cid, "-", f"{flag}: true")
    psc = spec.get("securityContext") or {}
    sa = spec.get("serviceAccountName") or "default"
    if f"{ns}/{sa}" in admin_sas and spec.get("automountServiceAccountToken", True):
        add("MEDIUM", "K08", "-", f"service account {sa} is cluster-admin and its token is mounted",
            "set automountServiceAccountToken: false or narrow the binding")

    containers = (spec.get("containers") or []) + (spec.get("initContainers") or []) + (spec.get("ephemeralContainers") or [])
    for c in containers:
        cn = c.get("name")
        sc = c.get("securityContext") or {}
        if sc.get("privileged"):
            add("HIGH", "K03", cn, "privileged: true", "drop privileged; add only the capability needed")
        caps = set(((sc.get("capabilities") or {}).get("add")) or [])
        bad = sorted(caps & BAD_CAPS)
        if bad:
            add("HIGH", "K06", cn, f"capabilities add {bad}")
        if sc.get("allowPrivilegeEscalation", True) and not sc.get("privileged"):
            add("MEDIUM", "K07", cn, "allowPrivilegeEscalation not false")
        run_as = sc.get("runAsUser", psc.get("runAsUser"))
        non_root = sc.get("runAsNonRoot", psc.get("runAsNonRoot"))
        if run_as == 0 or (run_as is None and not non_root):
            add("MEDIUM", "K07", cn, "may run as root (runAsUser 0 or runAsNonRoot unset)")
        seccomp = (sc.get("seccompProfile") or psc.get("seccompProfile") or {}).get("type")
        if seccomp in (None, "Unconfined"):
            add("LOW", "K10", cn, f"seccompProfile {seccomp or 'unset'}")
        for vm in c.get("volumeMounts") or []:
            v = vols.get(vm.get("name")) or {}
            hp = (v.get("hostPath") or {}).get("path")
            if not hp:
                continue
            ro = vm.get("readOnly", False)
            where = f"hostPath {hp} -> {vm.get('mountPath')}{' (ro)' if ro else ''}"
            if hp.endswith(SOCKETS) or any(s in hp for s in SOCKETS):
                add("CRITICAL", "K01", cn, where, "never mount the runtime socket; use rootless builders or the API")
            elif hp.rstrip("/") in [h.rstrip("/") for h in HOST_DANGER] or hp == "/":
                add("CRITICAL" if not ro else "LOW", "K02" if not ro else "K09", cn, where,
                    "mount only the subdirectory needed, readOnly: true")
            else:
                add("LOW" if ro else "MEDIUM", "K09", cn, where)
        img = c.get("image", "")
        if sc.get("privileged") and ("@sha256:" not in img) and (img.endswith(":latest") or ":" not in img.split("/")[-1]):
            add("HIGH", "K03", cn, f"privileged container with unpinned image {img}", "pin by digest")
    return out


def admin_service_accounts(objs):
    sas = set()
    for o in objs:
        if o.get("kind") in ("ClusterRoleBinding", "RoleBinding") and (o.get("roleRef") or {}).get("name") == "cluster-admin":
            for s in o.get("subjects") or []:
                if s.get("kind") == "ServiceAccount":
                    sas.add(f"{s.get('namespace', 'default')}/{s.get('name')}")
    return sas


def load(paths, json_input):
    docs = []
    for p in paths:
        if p == "-":
            text, src = sys.stdin.read(), "stdin"
            docs += [(d, src) for d in (json.loads(text).get("items", [json.loads(text)]) if json_input else yaml.safe_load_all(text))]
            continue
        files = [p] if os.path.isfile(p) else [os.path.join(r, f) for r, _, fs in os.walk(p) for f in fs if f.endswith((".yaml", ".yml", ".json"))]
        for f in files:
            with open(f, encoding="utf-8") as fh:
                try:
                    for d in yaml.safe_load_all(fh):
                        docs.append((d, f))
                except yaml.YAMLError as e:
                    print(f"note: skip {f}: {e}", file=sys.stderr)
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json-input", action="store_true")
    ap.add_argument("--min", default="LOW", choices=list(SEV))
    a = ap.parse_args()
    docs = load(a.paths, a.json_input)
    objs = [(o, s) for d, s in docs for o in iter_objects([d])]
    admins = admin_service_accounts([o for o, _ in objs])
    rows = [r for o, s in objs for r in review(o, s, admins) if SEV[r[0]] <= SEV[a.min]]
    rows.sort(key=lambda r: (SEV[r[0]], r[2]))
    for sev, cid, name, ctr, msg, fix, src in rows:
        print(f"{sev:8} {cid} {name} container={ctr}\n  {msg}  [{src}]")
        if fix:
            print(f"  fix: {fix}")
    print(f"\n{len(rows)} finding(s) in {len(objs)} object(s)")
    sys.exit(1 if any(SEV[r[0]] <= 1 for r in rows) else 0)


if __name__ == "__main__":
    main()
