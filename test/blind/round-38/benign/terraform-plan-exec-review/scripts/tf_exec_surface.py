#!/usr/bin/env python3
"""List code-execution surfaces in Terraform sources or a plan JSON. Does not run terraform."""
import argparse
import json
import os
import re
import sys

BLOCKS = [
    ("local-exec", re.compile(r'provisioner\s+"local-exec"\s*\{')),
    ("remote-exec", re.compile(r'provisioner\s+"remote-exec"\s*\{')),
    ("file-provisioner", re.compile(r'provisioner\s+"file"\s*\{')),
    ("external-data", re.compile(r'data\s+"external"\s+"[^"]+"\s*\{')),
    ("http-data", re.compile(r'data\s+"http"\s+"[^"]+"\s*\{')),
    ("module", re.compile(r'module\s+"[^"]+"\s*\{')),
    ("null/terraform_data", re.compile(r'resource\s+"(null_resource|terraform_data)"\s+"[^"]+"\s*\{')),
]
SUSPICIOUS = re.compile(r"curl|wget|\bnc\b|base64|eval|bash -c|sh -c|python -c|/dev/tcp|\| *sh|\| *bash")
TRUSTED_PROVIDER = re.compile(r'^(registry\.terraform\.io/)?(hashicorp|opentofu)/|^registry\.opentofu\.org/')


def block_text(src, start):
    depth, i = 0, start
    while i < len(src):
        if src[i] == "{":
            depth += 1
        elif src[i] == "}":
            depth -= 1
            if depth == 0:
                return src[start:i + 1]
        i += 1
    return src[start:]


def scan_sources(root, include_modules, full):
    rows = []
    for dirpath, dirnames, files in os.walk(root):
        if not include_modules:
            dirnames[:] = [d for d in dirnames if d != ".terraform"]
        for f in files:
            if not (f.endswith(".tf") or f.endswith(".tf.json")):
                continue
            path = os.path.join(dirpath, f)
            src = open(path, encoding="utf-8", errors="replace").read()
            if f.endswith(".tf.json"):
                try:
                    json.loads(src)
                except ValueError as e:
                    rows.append((path, 0, "parse-error", "-", str(e), ""))
                    continue
            for kind, rx in BLOCKS:
                for m in rx.finditer(src):
                    body = block_text(src, m.end() - 1)
                    line = src.count("\n", 0, m.start()) + 1
                    if kind == "module":
                        sm = re.search(r'source\s*=\s*"([^"]+)"', body)
                        srcval = sm.group(1) if sm else "?"
                        if srcval.startswith(("./", "../")):
                            continue
                        pinned = "ref=" in srcval and re.search(r"ref=[0-9a-f]{40}", srcval)
                        rows.append((path, line, kind, "init", srcval, "" if pinned else "not pinned to SHA"))
                        continue
                    phase = "plan" if kind in ("external-data", "http-data") else "apply"
                    text = " ".join(body.split())
                    if not full and len(text) > 400:
                        text = text[:400] + "..."
                    flag = "suspicious tokens" if SUSPICIOUS.search(body) else ""
                    rows.append((path, line, kind, phase, text, flag))
            for pm in re.finditer(r'source\s*=\s*"([^"]+/[^"]+)"', src):
                val = pm.group(1)
                ctx = src[max(0, pm.start() - 200):pm.start()]
                if "required_providers" in src and "=" in ctx and "module" not in ctx.split("\n")[-2:][0]:
                    if val.count("/") in (1, 2) and not val.startswith(("./", "../", "git", "http")) \
                            and not TRUSTED_PROVIDER.search(val):
                        line = src.count("\n", 0, pm.start()) + 1
                        rows.append((path, line, "provider-source", "init", val, "non-default namespace"))
    return rows


def scan_plan(plan_path):
    plan = json.load(open(plan_path))
    rows = []
    cfg = {r["address"]: r for r in plan.get("configuration", {}).get("root_module", {}).get("resources", [])}
    for rc in plan.get("resource_changes", []):
        if rc.get("type") not in ("null_resource", "terraform_data"):
            continue
        actions = rc.get("change", {}).get("actions", [])
        if actions in (["no-op"], ["read"]):
            continue
        prov = cfg.get(rc["address"], {}).get("provisioners", [])
        for p in prov:
            expr = json.dumps(p.get("expressions", {}))[:400]
            rows.append((plan_path, 0, f"{p.get('type')} on {rc['address']}", "/".join(actions), expr, ""))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?")
    ap.add_argument("--plan")
    ap.add_argument("--include-modules", action="store_true")
    ap.add_argument("--full", action="store_true")
    a = ap.parse_args()
    rows = []
    if a.root:
        rows += scan_sources(a.root, a.include_modules, a.full)
    if a.plan:
        rows += scan_plan(a.plan)
    if not rows:
        print("No execution surfaces found.")
        return
    print("| File:line | Kind | Phase | Detail | Flag |\n|---|---|---|---|---|")
    for path, line, kind, phase, text, flag in rows:
        text = text.replace("|", "\\|")
        print(f"| {path}:{line} | {kind} | {phase} | `{text}` | {flag} |")


if __name__ == "__main__":
    sys.exit(main())
