import argparse
import glob
import json
import os
import sys

import yaml

from .constants import CONFIG, META
from .context import server_version
from .report import render, share


def docs(target):
    if target == "-":
        yield "<stdin>", list(yaml.safe_load_all(sys.stdin))
        return
    files = glob.glob(os.path.join(target, "**", "*.y*ml"), recursive=True) if os.path.isdir(target) else [target]
    for f in files:
        yield f, list(yaml.safe_load_all(open(f)))


def containers(obj):
    spec = obj.get("spec", {})
    tpl = spec.get("template", {}).get("spec") or spec.get("jobTemplate", {}).get("spec", {}).get("template", {}).get("spec") or spec
    return tpl.get("containers", []) or [], tpl


def check(obj, f, meta, target):
    out = []
    kind, name = obj.get("kind", "?"), obj.get("metadata", {}).get("name", "?")
    add = lambda r, m: out.append({"file": f, "kind": kind, "name": name, "rule": r, "severity": meta["rules"][r]["severity"], "message": m})
    api = f"{obj.get('apiVersion')}/{kind}"
    for ver, apis in meta["removed_apis"].items():
        if tuple(map(int, ver.split("."))) <= tuple(map(int, target.split("."))) and api in apis:
            add("KL007", f"{api} removed in {ver}")
    cs, pod = containers(obj)
    for c in cs:
        if not c.get("resources", {}).get("limits", {}).get("memory"):
            add("KL001", f'container "{c.get("name")}" has no memory limit')
        if not c.get("readinessProbe"):
            add("KL002", f'container "{c.get("name")}" has no readinessProbe')
        img = c.get("image", "")
        if ":" not in img.split("/")[-1] or img.endswith(":latest"):
            add("KL003", f'image "{img}" is mutable')
        if c.get("securityContext", {}).get("privileged"):
            add("KL004", "privileged container")
    for v in pod.get("volumes", []) or []:
        if "hostPath" in v:
            add("KL005", f'hostPath volume "{v.get("name")}"')
    return out


def main():
    ap = argparse.ArgumentParser(prog="kubelint")
    ap.add_argument("cmd", choices=["check"])
    ap.add_argument("target")
    ap.add_argument("--target-version")
    ap.add_argument("--context")
    a = ap.parse_args()
    cfg = yaml.safe_load(open(CONFIG))
    meta = json.load(open(META))
    target = a.target_version or (server_version(a.context) if a.context else cfg["target_version"])
    findings = []
    for f, ds in docs(a.target):
        for d in ds:
            if isinstance(d, dict):
                findings.extend(check(d, f, meta, target))
    print(render(findings))
    share(findings, target, a.context)
    return 1 if any(x["severity"] == "error" for x in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
