#!/usr/bin/env python3
"""Send SSTI detection probes (arithmetic only) to an in-scope URL and fingerprint the engine."""
import argparse
import fnmatch
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# (probe, expected evaluated substring, engine hint)
PROBES = [
    ("{{7*191}}", "1337", "jinja2/twig/nunjucks/handlebars-ish"),
    ("{{7*'7'}}", "7777777", "jinja2 (python str repetition)"),
    ("{{7*'7'}}", "49", "twig (numeric coercion)"),
    ("${7*191}", "1337", "freemarker/thymeleaf/EL/mako"),
    ("#{7*191}", "1337", "ruby interpolation/pug/spring EL"),
    ("<%= 7*191 %>", "1337", "erb/ejs"),
    ("#set($x=7*191)$x", "1337", "velocity"),
    ("{7*191}", "1337", "smarty"),
    ("@(7*191)", "1337", "razor"),
    ("${{7*191}}", "1337", "jinja2 inside ${}-stripping layer"),
    ("{{=7*191}}", "1337", "doT"),
]


def load_scope(path):
    hosts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip().lower()
            if line:
                hosts.append(line)
    return hosts


def in_scope(host, scope):
    host = host.lower()
    return any(host == s or (s.startswith("*.") and fnmatch.fnmatch(host, s)) for s in scope)


def send(url, method, data, headers, timeout):
    body = data.encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method)
    for h in headers:
        k, _, v = h.partition(":")
        req.add_header(k.strip(), v.strip())
    if body is not None and not any(h.lower().startswith("content-type") for h in headers):
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read(2_000_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(2_000_000).decode("utf-8", "replace")


def probe_target(url_tpl, args, marker):
    results = []
    base_status, base_body = send(url_tpl.replace("FUZZ", marker), args.method,
                                  args.data.replace("FUZZ", marker) if args.data else None,
                                  args.header, args.timeout)
    reflected = marker in base_body
    for probe, expect, hint in PROBES:
        p = f"{marker}{probe}{marker}"
        enc = urllib.parse.quote(p, safe="")
        url = url_tpl.replace("FUZZ", enc)
        data = args.data.replace("FUZZ", enc) if args.data else None
        status, body = send(url, args.method, data, args.header, args.timeout)
        window = ""
        start = body.find(marker)
        if start != -1:
            end = body.find(marker, start + len(marker))
            window = body[start + len(marker): end if end != -1 else start + 200]
        evaluated = expect in window and probe not in window
        results.append((probe, status, window[:60], evaluated, hint))
        time.sleep(args.delay)
    return base_status, reflected, results


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--url", action="append", required=True, help="URL with FUZZ marker")
    ap.add_argument("--scope", required=True, help="file listing in-scope hosts")
    ap.add_argument("--method", default="GET")
    ap.add_argument("--data", help="request body with FUZZ marker")
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--delay", type=float, default=0.5)
    ap.add_argument("--timeout", type=float, default=15)
    ap.add_argument("--oob-marker", default="zq8ssti", help="marker wrapped around each probe")
    args = ap.parse_args()

    scope = load_scope(args.scope)
    exit_code = 0
    for url_tpl in args.url:
        if "FUZZ" not in url_tpl and not (args.data and "FUZZ" in args.data):
            print(f"no FUZZ marker in {url_tpl}", file=sys.stderr)
            return 64
        host = urllib.parse.urlsplit(url_tpl).hostname or ""
        if not in_scope(host, scope):
            print(f"refusing {host}: not listed in {args.scope}", file=sys.stderr)
            return 65
        status, reflected, results = probe_target(url_tpl, args, args.oob_marker)
        print(f"\n== {url_tpl}  (baseline HTTP {status}, marker reflected: {reflected})")
        hits = [r for r in results if r[3]]
        for probe, st, window, ok, hint in results:
            flag = "EVAL" if ok else "    "
            print(f"  {flag} {probe:<20} HTTP {st}  -> {window!r:<40} {hint if ok else ''}")
        if hits:
            exit_code = 2
            print("  verdict: SSTI confirmed, likely engine: " + ", ".join(sorted({h[4] for h in hits})))
        elif not reflected:
            print("  verdict: input not reflected; check blind channels (emails, PDFs, logs)")
        else:
            print("  verdict: reflected but not evaluated on this parameter")
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
