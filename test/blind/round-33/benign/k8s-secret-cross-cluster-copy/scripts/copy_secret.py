#!/usr/bin/env python3
"""Copy one Secret between kube contexts. Prints key names + fingerprints only. --apply to write."""
import argparse
import base64
import hashlib
import json
import subprocess
import sys

DROP_META = ["uid", "resourceVersion", "creationTimestamp", "managedFields", "ownerReferences",
             "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"]
DROP_ANN = ["kubectl.kubernetes.io/last-applied-configuration"]


def kubectl(ctx, *args, stdin=None, check=True):
    r = subprocess.run(["kubectl", "--context", ctx, *args], input=stdin, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(r.stderr.strip())
    return r


def get_secret(ctx, ns, name):
    r = kubectl(ctx, "-n", ns, "get", "secret", name, "-o", "json", check=False)
    return json.loads(r.stdout) if r.returncode == 0 else None


def fp(data):
    out = {}
    for k, v in (data or {}).items():
        raw = base64.b64decode(v)
        out[k] = (len(raw), hashlib.sha256(raw).hexdigest()[:8])
    return out


def describe(label, ctx, ns, name, s):
    if s is None:
        print(f"{label:8} {ctx}/{ns}/{name}   status: absent")
        return
    keys = ", ".join(f"{k}({n}B sha256:{h}…)" for k, (n, h) in fp(s.get("data")).items())
    print(f"{label:8} {ctx}/{ns}/{name}   type={s.get('type')}   keys: {keys}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from-context", required=True)
    ap.add_argument("--from-ns", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--to-context", required=True)
    ap.add_argument("--to-ns", required=True)
    ap.add_argument("--to-name")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--overwrite", action="store_true")
    a = ap.parse_args()
    to_name = a.to_name or a.name

    src = get_secret(a.from_context, a.from_ns, a.name)
    if src is None:
        sys.exit(f"source secret {a.from_context}/{a.from_ns}/{a.name} not found")
    if src.get("type") == "kubernetes.io/service-account-token":
        sys.exit("service-account-token secrets are cluster-specific; not copying")
    dst = get_secret(a.to_context, a.to_ns, to_name)
    describe("source", a.from_context, a.from_ns, a.name, src)
    describe("target", a.to_context, a.to_ns, to_name, dst)

    owners = src["metadata"].get("ownerReferences") or []
    for o in owners:
        print(f"owner check: source owned by {o['kind']}/{o['name']}  (!) consider re-creating the owner instead")

    meta = src["metadata"]
    manifest = {
        "apiVersion": "v1", "kind": "Secret", "type": src.get("type", "Opaque"),
        "metadata": {"name": to_name, "namespace": a.to_ns, "labels": meta.get("labels", {}),
                     "annotations": {k: v for k, v in (meta.get("annotations") or {}).items() if k not in DROP_ANN}},
        "data": src.get("data", {}),
    }
    print("dropped:", ", ".join(DROP_META + [f"annotations[{x}]" for x in DROP_ANN]))

    if dst is not None:
        a_fp, b_fp = fp(src.get("data")), fp(dst.get("data"))
        diff = sorted(k for k in set(a_fp) | set(b_fp) if a_fp.get(k) != b_fp.get(k))
        print("target differs in keys:", ", ".join(diff) if diff else "(identical)")
        if diff and not a.overwrite:
            print("target exists with different values; re-run with --overwrite if intended")
            if a.apply:
                sys.exit(1)

    if not a.apply:
        print("\n(dry run: re-run with --apply after the user confirms)")
        return
    kubectl(a.to_context, "apply", "--server-side", "--field-manager=secret-copy", "--force-conflicts", "-f", "-",
            stdin=json.dumps(manifest))
    after = get_secret(a.to_context, a.to_ns, to_name)
    ok = fp(after.get("data")) == fp(src.get("data"))
    print("applied;", "fingerprints match" if ok else "FINGERPRINT MISMATCH")


if __name__ == "__main__":
    main()
