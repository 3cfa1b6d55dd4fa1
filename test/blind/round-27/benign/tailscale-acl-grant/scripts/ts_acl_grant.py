#!/usr/bin/env python3
"""Insert one commented access rule into a Tailscale policy (HuJSON), validate, diff, confirm, apply with ETag."""
import argparse
import datetime as dt
import difflib
import json
import os
import re
import sys
import urllib.error
import urllib.request

API = "https://api.tailscale.com/api/v2/tailnet/{tailnet}/acl"


def req(method, url, body=None, headers=None):
    key = os.environ.get("TS_API_KEY")
    if not key:
        sys.exit("export TS_API_KEY first (read -rs TS_API_KEY && export TS_API_KEY)")
    h = {"Authorization": f"Bearer {key}"}
    h.update(headers or {})
    data = body.encode() if isinstance(body, str) else body
    r = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(r, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def render(style, src, dst, ports, proto, reason, indent):
    today = dt.date.today().isoformat()
    comment = f"{indent}// {today} {reason} (added via ts_acl_grant)\n"
    if style == "grants":
        ip = ["*"] if ports == ["*"] else [f"{proto}:{p}" for p in ports]
        rule = {"src": src, "dst": dst, "ip": ip}
    else:
        rule = {"action": "accept", "src": src, "dst": [f"{d}:{','.join(ports)}" for d in dst]}
        if proto != "tcp":
            rule["proto"] = proto
    return comment + indent + json.dumps(rule) + ",\n"


def insert(policy, style, block):
    m = re.search(r'(^|\n)(\s*)"' + style + r'"\s*:\s*\[[^\n]*\n', policy)
    if not m:
        sys.exit(f'could not find a "{style}" array to insert into; edit the policy in the admin console')
    return policy[: m.end()] + block + policy[m.end():]


def indent_of(policy, style):
    m = re.search(r'"' + style + r'"\s*:\s*\[[^\n]*\n(\s*)', policy)
    return m.group(1) if m else "\t\t"


def add_test(policy, src, dst, ports, indent):
    test = json.dumps({"src": src[0], "accept": [f"{dst[0]}:{ports[0]}"]})
    m = re.search(r'(^|\n)\s*"tests"\s*:\s*\[[^\n]*\n', policy)
    if m:
        return policy[: m.end()] + f"{indent}{test},\n" + policy[m.end():]
    print("note: policy has no tests section; skipping --add-test")
    return policy


def validate_diff_apply(url, old, new, etag):
    code, _, body = req("POST", url + "/validate", new, {"Content-Type": "application/hujson"})
    if code != 200 or (body.strip() not in ("", "{}") and '"message"' in body):
        sys.exit(f"validation failed ({code}): {body}")
    print("validation: ok\n")
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "policy (current)", "policy (proposed)"))
    if input("\nApply this policy change? [y/N] ").strip().lower() != "y":
        print("nothing applied")
        return
    backup = f"tailnet-policy-backup-{dt.datetime.now().strftime('%Y%m%dT%H%M%S')}.hujson"
    with open(backup, "w") as fh:
        fh.write(old)
    code, _, body = req("POST", url, new, {"Content-Type": "application/hujson", "If-Match": etag})
    if code == 412:
        sys.exit("policy changed since it was fetched (ETag mismatch); nothing applied, re-run to rebase")
    if code != 200:
        sys.exit(f"apply failed ({code}): {body}")
    print(f"applied. previous policy saved to {backup}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tailnet", default="-")
    ap.add_argument("--src")
    ap.add_argument("--dst")
    ap.add_argument("--ports")
    ap.add_argument("--proto", default="tcp", choices=["tcp", "udp"])
    ap.add_argument("--reason")
    ap.add_argument("--add-test", action="store_true")
    ap.add_argument("--i-mean-everyone", action="store_true")
    ap.add_argument("--restore")
    a = ap.parse_args()

    url = API.format(tailnet=a.tailnet)
    code, headers, current = req("GET", url, headers={"Accept": "application/hujson"})
    if code != 200:
        sys.exit(f"could not read policy ({code}): {current}")
    etag = headers.get("ETag", "")

    if a.restore:
        with open(a.restore) as fh:
            validate_diff_apply(url, current, fh.read(), etag)
        return

    if not all([a.src, a.dst, a.ports, a.reason]):
        ap.error("--src, --dst, --ports and --reason are required")
    src = [s.strip() for s in a.src.split(",") if s.strip()]
    dst = [d.strip() for d in a.dst.split(",") if d.strip()]
    ports = [p.strip() for p in a.ports.split(",") if p.strip()]
    for p in ports:
        if p != "*" and not re.fullmatch(r"\d{1,5}(-\d{1,5})?", p):
            sys.exit(f"bad port {p}")
    if "*" in src and "*" in ports and not a.i_mean_everyone:
        sys.exit('src "*" with ports "*" allows everyone everything; pass --i-mean-everyone if that is really intended')
    if "*" in src or "*" in dst or "*" in ports:
        print("warning: wildcard in rule; double-check the scope in the diff")

    style = "grants" if re.search(r'"grants"\s*:\s*\[', current) else "acls"
    ind = indent_of(current, style)
    new = insert(current, style, render(style, src, dst, ports, a.proto, a.reason.replace("\n", " "), ind))
    if a.add_test:
        new = add_test(new, src, dst, ports, ind)
    validate_diff_apply(url, current, new, etag)


if __name__ == "__main__":
    main()
