#!/usr/bin/env python3
"""Render a Helm chart twice and diff the resulting objects."""
import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile

import yaml

NOISE_LABELS = {"helm.sh/chart", "app.kubernetes.io/version"}


def render(chart, release, ns, values, version, extra):
    cmd = ["helm", "template", release, chart, "--namespace", ns]
    for v in values:
        cmd += ["-f", v]
    if version:
        cmd += ["--version", version]
    cmd += extra
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    objs = {}
    for doc in yaml.safe_load_all(out):
        if not doc:
            continue
        md = doc.get("metadata", {})
        key = f"{doc.get('kind')}/{md.get('namespace', ns)}/{md.get('name')}"
        objs[key] = doc
    return objs


def strip_noise(doc):
    md = doc.get("metadata", {})
    for lbl in NOISE_LABELS:
        md.get("labels", {}).pop(lbl, None)
    ann = md.get("annotations", {})
    for k in [k for k in ann if k.startswith("checksum/")]:
        ann.pop(k)
    tmpl = doc.get("spec", {}).get("template", {})
    if isinstance(tmpl, dict):
        strip_noise(tmpl)
    return doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("chart")
    ap.add_argument("--left", action="append", default=[])
    ap.add_argument("--right", action="append", default=[])
    ap.add_argument("--values", action="append", default=[])
    ap.add_argument("--left-version")
    ap.add_argument("--right-version")
    ap.add_argument("--release", default="release")
    ap.add_argument("--namespace", default="default")
    ap.add_argument("--keep-noise", action="store_true")
    ap.add_argument("--extra", nargs=argparse.REMAINDER, default=[])
    a = ap.parse_args()

    left = render(a.chart, a.release, a.namespace, a.values + a.left, a.left_version, a.extra)
    right = render(a.chart, a.release, a.namespace, a.values + a.right, a.right_version, a.extra)
    if not a.keep_noise:
        left = {k: strip_noise(v) for k, v in left.items()}
        right = {k: strip_noise(v) for k, v in right.items()}

    only_l = sorted(set(left) - set(right))
    only_r = sorted(set(right) - set(left))
    changed = sorted(k for k in set(left) & set(right) if left[k] != right[k])

    for title, keys in (("only left", only_l), ("only right", only_r)):
        if keys:
            print(f"## {title}")
            for k in keys:
                print(f"  - {k}")
    print(f"## changed ({len(changed)})")
    dyff = shutil.which("dyff")
    for k in changed:
        print(f"\n### {k}")
        l = yaml.safe_dump(left[k], sort_keys=True)
        r = yaml.safe_dump(right[k], sort_keys=True)
        if dyff:
            with tempfile.NamedTemporaryFile("w", suffix=".yaml") as fl, \
                    tempfile.NamedTemporaryFile("w", suffix=".yaml") as fr:
                fl.write(l); fr.write(r); fl.flush(); fr.flush()
                subprocess.run([dyff, "between", "--omit-header", fl.name, fr.name])
        else:
            sys.stdout.writelines(difflib.unified_diff(
                l.splitlines(True), r.splitlines(True), "left", "right"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
