#!/usr/bin/env python3
"""values_lint: keys | schema | policy | drift checks for Helm values files."""
import argparse
import difflib
import json
import sys
import tarfile
from pathlib import Path

import yaml

try:
    import jsonschema
except ImportError:
    jsonschema = None

MASK_WORDS = ("password", "token", "secret", "key")


def load(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def deep_merge(base, over):
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def key_paths(d, prefix=""):
    if isinstance(d, dict):
        for k, v in d.items():
            p = f"{prefix}.{k}" if prefix else str(k)
            yield p
            yield from key_paths(v, p)


def chart_defaults(chart):
    chart = Path(chart)
    defaults = load(chart / "values.yaml") if (chart / "values.yaml").exists() else {}
    charts_dir = chart / "charts"
    if charts_dir.is_dir():
        for sub in charts_dir.iterdir():
            if sub.suffix == ".tgz":
                with tarfile.open(sub) as tf:
                    for m in tf.getmembers():
                        parts = m.name.split("/")
                        if len(parts) == 2 and parts[1] == "values.yaml":
                            sub_vals = yaml.safe_load(tf.extractfile(m)) or {}
                            defaults.setdefault(parts[0], {})
                            defaults[parts[0]] = deep_merge(sub_vals, defaults[parts[0]])
            elif (sub / "values.yaml").exists():
                defaults.setdefault(sub.name, {})
                defaults[sub.name] = deep_merge(load(sub / "values.yaml"), defaults[sub.name])
    return defaults


def schema_paths(schema, prefix=""):
    props = schema.get("properties", {})
    for k, v in props.items():
        p = f"{prefix}.{k}" if prefix else k
        yield p
        yield from schema_paths(v, p)


def cmd_keys(args):
    chart = Path(args.chart)
    known = set(key_paths(chart_defaults(chart)))
    sfile = chart / "values.schema.json"
    open_maps = set()
    if sfile.exists():
        schema = json.loads(sfile.read_text())
        known |= set(schema_paths(schema))
    for p in list(known):
        if p.endswith(("annotations", "labels", "env", "extraEnv", "nodeSelector", "podAnnotations")):
            open_maps.add(p)
    errors = 0
    for f in args.values:
        for path in key_paths(load(f)):
            if path in known or path.startswith("global") or any(path.startswith(m + ".") for m in open_maps):
                continue
            parent = path.rsplit(".", 1)[0] if "." in path else ""
            if parent and parent not in known:
                continue  # only report the top-most unknown segment
            hint = difflib.get_close_matches(path, known, n=1)
            print(f"UNKNOWN\t{f}\t{path}\t" + (f"did you mean {hint[0]}?" if hint else ""))
            errors += 1
    return 1 if errors else 0


def cmd_schema(args):
    sfile = Path(args.chart) / "values.schema.json"
    if not sfile.exists():
        print("no values.schema.json; skipped")
        return 0
    if jsonschema is None:
        sys.exit("pip install jsonschema")
    merged = load(Path(args.chart) / "values.yaml") if (Path(args.chart) / "values.yaml").exists() else {}
    for f in args.values:
        merged = deep_merge(merged, load(f))
    validator = jsonschema.Draft7Validator(json.loads(sfile.read_text()))
    errs = sorted(validator.iter_errors(merged), key=lambda e: list(e.path))
    for e in errs:
        ptr = "/" + "/".join(str(p) for p in e.path)
        print(f"SCHEMA\t{ptr}\t{e.message}")
    return 1 if errs else 0


def containers(doc):
    spec = doc.get("spec", {})
    tmpl = spec.get("template", spec.get("jobTemplate", {}).get("spec", {}).get("template", {}))
    pod = tmpl.get("spec", {}) if tmpl else spec
    return pod, pod.get("containers", []) + pod.get("initContainers", [])


def cmd_policy(args):
    findings = 0
    with open(args.rendered, encoding="utf-8") as fh:
        for doc in yaml.safe_load_all(fh):
            if not doc or "kind" not in doc:
                continue
            name = f"{doc['kind']}/{doc.get('metadata', {}).get('name', '?')}"
            pod, cs = containers(doc)
            if pod.get("hostNetwork"):
                print(f"WARN\t{name}\thostNetwork: true"); findings += 1
            for c in cs:
                img = c.get("image", "")
                if img.endswith(":latest") or ":" not in img.split("/")[-1]:
                    print(f"WARN\t{name}\t{c['name']}: image tag is latest or missing"); findings += 1
                if not c.get("resources", {}).get("limits", {}).get("memory"):
                    print(f"WARN\t{name}\t{c['name']}: no memory limit"); findings += 1
                if c.get("securityContext", {}).get("privileged"):
                    print(f"WARN\t{name}\t{c['name']}: privileged"); findings += 1
                if doc["kind"] in ("Deployment", "StatefulSet") and "readinessProbe" not in c:
                    print(f"WARN\t{name}\t{c['name']}: no readinessProbe"); findings += 1
    return 0


def masked(path, value):
    last = path.rsplit(".", 1)[-1].lower()
    return "****" if any(w in last for w in MASK_WORDS) else value


def flatten(d, prefix=""):
    out = {}
    for k, v in (d or {}).items():
        p = f"{prefix}.{k}" if prefix else str(k)
        if isinstance(v, dict):
            out.update(flatten(v, p))
        else:
            out[p] = v
    return out


def cmd_drift(args):
    a, b = flatten(load(args.a)), flatten(load(args.b))
    for k in sorted(set(a) | set(b)):
        if k not in b:
            print(f"DRIFT\t{k}\tonly in {args.a} ({masked(k, a[k])})")
        elif k not in a:
            print(f"DRIFT\t{k}\tonly in {args.b} ({masked(k, b[k])})")
    return 0


def main():
    ap = argparse.ArgumentParser(prog="values_lint")
    sub = ap.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("keys"); k.add_argument("chart"); k.add_argument("-f", dest="values", action="append", required=True)
    s = sub.add_parser("schema"); s.add_argument("chart"); s.add_argument("-f", dest="values", action="append", required=True)
    p = sub.add_parser("policy"); p.add_argument("rendered")
    d = sub.add_parser("drift"); d.add_argument("a"); d.add_argument("b")
    args = ap.parse_args()
    sys.exit({"keys": cmd_keys, "schema": cmd_schema, "policy": cmd_policy, "drift": cmd_drift}[args.cmd](args))


if __name__ == "__main__":
    main()
