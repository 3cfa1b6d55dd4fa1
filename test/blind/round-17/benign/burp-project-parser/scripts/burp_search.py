#!/usr/bin/env python3
"""Search Burp Suite XML exports (proxy history items or scanner issues).

  burp_search.py FILE summary
  burp_search.py FILE endpoints
  burp_search.py FILE grep REGEX [--in request|response|both] [--redact]
  burp_search.py FILE reflected
  burp_search.py FILE secrets
  burp_search.py FILE show N
  burp_search.py FILE issues [--min-severity Low|Medium|High]
Common: --host HOST (repeatable), --json
"""
import argparse
import base64
import json
import re
import sys
from collections import Counter, defaultdict
from urllib.parse import parse_qsl, urlsplit

try:
    from defusedxml.ElementTree import parse as xml_parse
except ImportError:  # Burp exports carry no DTD; stdlib parser is acceptable here
    from xml.etree.ElementTree import parse as xml_parse

SECRETS = {
    "aws-access-key-id": r"AKIA[0-9A-Z]{16}",
    "google-api-key": r"AIza[0-9A-Za-z_-]{35}",
    "jwt": r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+",
    "private-key": r"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----",
    "slack-token": r"xox[abpr]-[0-9A-Za-z-]{10,}",
    "stripe-secret": r"sk_live_[0-9A-Za-z]{24,}",
    "github-token": r"gh[pousr]_[0-9A-Za-z]{36}",
    "generic": r"(?i)(?:api[_-]?key|secret|passwd|password)[\"':= ]{1,4}[A-Za-z0-9/+_-]{12,}",
}
SEVERITY = {"Information": 0, "Low": 1, "Medium": 2, "High": 3}


def redact(text: str) -> str:
    for pat in SECRETS.values():
        text = re.sub(pat, lambda m: m.group(0)[:6] + "…", text)
    text = re.sub(r"(?i)(authorization:\s*\w+\s+)(\S{6})\S+", r"\1\2…", text)
    text = re.sub(r"(?i)(cookie:\s*)(.{0,12}).*", r"\1\2…", text)
    return text


def decode(el) -> str:
    if el is None or el.text is None:
        return ""
    raw = base64.b64decode(el.text) if el.get("base64") == "true" else el.text.encode()
    return raw.decode("utf-8", errors="replace")


def items(path, hosts):
    root = xml_parse(path).getroot()
    for n, it in enumerate(root.iter("item"), 1):
        host = (it.findtext("host") or "").lower()
        if hosts and host not in hosts:
            continue
        yield {
            "n": n, "host": host, "method": it.findtext("method") or "", "url": it.findtext("url") or "",
            "path": it.findtext("path") or "", "status": it.findtext("status") or "",
            "mime": it.findtext("mimetype") or "", "request": decode(it.find("request")),
            "response": decode(it.find("response")),
        }


def body(msg: str) -> str:
    return msg.split("\r\n\r\n", 1)[1] if "\r\n\r\n" in msg else msg.split("\n\n", 1)[-1]


def params(item):
    out = dict(parse_qsl(urlsplit(item["url"]).query, keep_blank_values=True))
    req_body = body(item["request"])
    if "application/x-www-form-urlencoded" in item["request"][:2000].lower():
        out.update(parse_qsl(req_body, keep_blank_values=True))
    elif req_body.lstrip().startswith("{"):
        try:
            data = json.loads(req_body)
            if isinstance(data, dict):
                out.update({k: v for k, v in data.items() if isinstance(v, (str, int, float))})
        except ValueError:
            pass
    return out


def emit(rows, as_json):
    if as_json:
        json.dump(rows, sys.stdout, indent=2)
        print()
    else:
        for r in rows:
            print("\t".join(str(v) for v in r.values()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("command", choices=["summary", "endpoints", "grep", "reflected", "secrets", "show", "issues"])
    ap.add_argument("arg", nargs="?")
    ap.add_argument("--in", dest="where", choices=["request", "response", "both"], default="both")
    ap.add_argument("--redact", action="store_true")
    ap.add_argument("--host", action="append", default=[])
    ap.add_argument("--min-severity", default="Low", choices=list(SEVERITY))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    hosts = {h.lower() for h in a.host}

    if a.command == "issues":
        root = xml_parse(a.file).getroot()
        rows = []
        for iss in root.iter("issue"):
            sev = iss.findtext("severity") or "Information"
            if SEVERITY.get(sev, 0) < SEVERITY[a.min_severity]:
                continue
            host = (iss.findtext("host") or "").lower()
            if hosts and not any(h in host for h in hosts):
                continue
            rows.append({"severity": sev, "confidence": iss.findtext("confidence") or "",
                         "name": iss.findtext("name") or "", "host": host, "path": iss.findtext("path") or ""})
        rows.sort(key=lambda r: -SEVERITY.get(r["severity"], 0))
        emit(rows, a.json)
        return 0

    data = list(items(a.file, hosts))
    if a.command == "summary":
        summary = {"items": len(data), "hosts": Counter(i["host"] for i in data).most_common(),
                   "methods": Counter(i["method"] for i in data).most_common(),
                   "status": Counter(i["status"] for i in data).most_common(),
                   "mime": Counter(i["mime"] for i in data).most_common(10)}
        print(json.dumps(summary, indent=2))
    elif a.command == "endpoints":
        eps = defaultdict(set)
        for i in data:
            path = re.sub(r"/\d+(?=/|$)", "/{n}", urlsplit(i["url"]).path or i["path"])
            path = re.sub(r"/[0-9a-f]{8}-[0-9a-f-]{27}(?=/|$)", "/{uuid}", path)
            eps[(i["host"], i["method"], path)].update(params(i).keys())
        emit([{"host": h, "method": m, "path": p, "params": ",".join(sorted(ps))}
              for (h, m, p), ps in sorted(eps.items())], a.json)
    elif a.command == "grep":
        if not a.arg:
            ap.error("grep needs a REGEX")
        rx = re.compile(a.arg)
        rows = []
        for i in data:
            for part in (["request", "response"] if a.where == "both" else [a.where]):
                for line in i[part].splitlines():
                    if rx.search(line):
                        rows.append({"n": i["n"], "part": part, "url": i["url"],
                                     "line": (redact(line) if a.redact else line)[:300]})
        emit(rows, a.json)
    elif a.command == "reflected":
        rows = []
        for i in data:
            if "html" not in i["mime"].lower() and "text/html" not in i["response"][:1000].lower():
                continue
            resp = body(i["response"])
            for k, v in params(i).items():
                v = str(v)
                if len(v) >= 4 and v in resp:
                    rows.append({"n": i["n"], "url": i["url"], "param": k, "value": v[:60]})
        emit(rows, a.json)
    elif a.command == "secrets":
        rows = []
        for i in data:
            for name, pat in SECRETS.items():
                for m in re.finditer(pat, i["response"]):
                    rows.append({"n": i["n"], "url": i["url"], "type": name, "match": m.group(0)[:6] + "…"})
        emit(rows, a.json)
    elif a.command == "show":
        if not a.arg or not a.arg.isdigit():
            ap.error("show needs an item number")
        for i in data:
            if i["n"] == int(a.arg):
                print(redact(i["request"][:4000]))
                print("-" * 60)
                head, _, rest = i["response"].partition("\r\n\r\n")
                print(redact(head))
                print()
                print(redact(rest[:2048]))
                break
        else:
            print(f"item {a.arg} not found", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
