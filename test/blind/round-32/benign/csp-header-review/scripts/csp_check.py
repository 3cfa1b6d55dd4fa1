#!/usr/bin/env python3
"""Fetch pages and evaluate their Content-Security-Policy for common weaknesses."""
import re
import sys
import urllib.request

JSONP_OR_GADGET_HOSTS = {
    "ajax.googleapis.com", "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com",
    "www.google.com", "accounts.google.com", "*.googleapis.com", "raw.githubusercontent.com",
    "*.github.io", "www.gstatic.com",
}
FETCH_DIRECTIVES = ["script-src", "script-src-elem", "script-src-attr", "style-src", "img-src",
                    "connect-src", "frame-src", "object-src", "default-src"]


def parse(policy):
    out = {}
    for part in policy.split(";"):
        toks = part.strip().split()
        if toks:
            out.setdefault(toks[0].lower(), toks[1:])
    return out


def effective(d, name):
    if name in d:
        return name, d[name]
    if name.startswith("script-src-") and "script-src" in d:
        return "script-src", d["script-src"]
    if "default-src" in d:
        return "default-src", d["default-src"]
    return None, None


def evaluate(d, source):
    f = []
    src_name, script = effective(d, "script-src")
    has_nonce_or_hash = script and any(re.match(r"'(nonce|sha256|sha384|sha512)-", s) for s in script)
    strict_dynamic = script and "'strict-dynamic'" in script
    if script is None:
        f.append(("HIGH", "no script-src or default-src: scripts unrestricted"))
    else:
        if "'unsafe-inline'" in script and not has_nonce_or_hash:
            f.append(("HIGH", f"{src_name}: 'unsafe-inline' without nonce/hash"))
        if "'unsafe-eval'" in script:
            f.append(("MED", f"{src_name}: 'unsafe-eval' allows string-to-code gadgets"))
        if not strict_dynamic:
            for s in script:
                if s in ("*", "https:", "http:", "data:", "blob:"):
                    f.append(("HIGH", f"{src_name}: scheme/wildcard source {s}"))
                host = s.split("://")[-1].split("/")[0]
                if host in JSONP_OR_GADGET_HOSTS:
                    f.append(("MED", f"{src_name}: allows {host}, which hosts JSONP endpoints or arbitrary packages"))
        if strict_dynamic and not has_nonce_or_hash:
            f.append(("MED", "'strict-dynamic' present but no nonce/hash, so nothing is trusted to start with"))
    obj_name, obj = effective(d, "object-src")
    if obj is None or obj != ["'none'"]:
        f.append(("MED", "object-src is not 'none'"))
    if "base-uri" not in d:
        f.append(("MED", "no base-uri: <base> injection can redirect relative script URLs"))
    if "frame-ancestors" not in d:
        f.append(("LOW", "no frame-ancestors (clickjacking); ignored anyway if policy is in <meta>"))
    if source == "meta":
        f.append(("LOW", "policy delivered via <meta>: frame-ancestors/report-uri/sandbox not honoured"))
    if "report-uri" not in d and "report-to" not in d:
        f.append(("INFO", "no reporting endpoint configured"))
    return f, (src_name, script)


def fetch(url):
    req = urllib.request.Request(url, headers={"User-Agent": "csp-check/1.0"})
    with urllib.request.urlopen(req, timeout=15) as r:
        headers = r.headers
        body = r.read(400_000).decode("utf-8", "replace")
    policies = [("header", p) for p in headers.get_all("Content-Security-Policy") or []]
    ro = [("report-only", p) for p in headers.get_all("Content-Security-Policy-Report-Only") or []]
    for m in re.finditer(r"<meta[^>]+http-equiv=[\"']Content-Security-Policy[\"'][^>]*content=[\"']([^\"']+)", body, re.I):
        policies.append(("meta", m.group(1)))
    return policies, ro


def main(urls):
    worst = 0
    for url in urls:
        print(f"== {url}")
        try:
            policies, ro = fetch(url)
        except Exception as e:  # noqa: BLE001 - report and continue
            print(f"   fetch failed: {e}")
            continue
        if not policies:
            print("   HIGH  no enforced CSP" + (" (Report-Only present)" if ro else ""))
            worst = 2
        for source, pol in policies + ro:
            print(f"   [{source}] {pol}")
            findings, (name, script) = evaluate(parse(pol), source)
            print(f"   effective script policy ({name}): {' '.join(script or ['<none>'])}")
            for level, msg in findings:
                print(f"   {level:5} {msg}")
                if level == "HIGH" and source != "report-only":
                    worst = 2
    return 1 if worst else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: csp_check.py URL [URL...]")
    sys.exit(main(sys.argv[1:]))
