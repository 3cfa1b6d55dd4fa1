#!/usr/bin/env python3
"""Redact secrets/PII from HAR files and zip/tar debug bundles. Writes a new file; never uploads."""
import argparse, hashlib, hmac, io, ipaddress, json, os, re, sys, tarfile, zipfile
from pathlib import Path

RUN_KEY = os.urandom(16)
SECRET_NAME = re.compile(r"token|secret|passw|key|session|auth|cookie|csrf|signature|^sig$|^code$|^state$", re.I)
PATTERNS = [
    ("jwt", re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    ("aws-key", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("github", re.compile(r"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|github_pat_[A-Za-z0-9_]{40,}")),
    ("slack", re.compile(r"xox[abpr]-[A-Za-z0-9-]{10,}")),
    ("stripe", re.compile(r"\b(sk|rk)_live_[A-Za-z0-9]{16,}")),
    ("sk-key", re.compile(r"\bsk-[A-Za-z0-9_-]{20,}")),
    ("google-key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("pem", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S)),
    ("bearer", re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/-]{12,}=*")),
    ("password", re.compile(r"(?i)(\"?pass(word|wd)?\"?\s*[:=]\s*\"?)([^\"&\s]{3,})")),
    ("email", re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")),
]
EXTRA_PATTERNS = []  # ("name", re.compile(r"..."))
WHOLE_FILE = re.compile(r"(^|/)(\.env(\..*)?|.*kubeconfig.*|credentials|id_(rsa|ed25519|ecdsa)(\.pub)?|.*\.pem|.*\.key)$", re.I)
BINARY_EXT = {".pcap", ".core", ".heapsnapshot", ".dmp", ".hprof", ".bin"}

log = []


def tag(kind, value):
    h = hmac.new(RUN_KEY, value.encode(errors="ignore"), hashlib.sha256).hexdigest()[:4]
    return f"[REDACTED:{kind}:{h}]"


def scrub_text(text, where):
    for kind, rx in PATTERNS + EXTRA_PATTERNS:
        def rep(m, kind=kind):
            log.append(f"{where}: {kind}")
            if kind == "password":
                return m.group(1) + tag(kind, m.group(3))
            return tag(kind, m.group(0))
        text = rx.sub(rep, text)

    def ip(m):
        try:
            a = ipaddress.ip_address(m.group(0))
        except ValueError:
            return m.group(0)
        if a.is_private or a.is_loopback:
            return m.group(0)
        log.append(f"{where}: public-ip")
        return ".".join(m.group(0).split(".")[:3]) + ".x"
    return re.sub(r"\b\d{1,3}(\.\d{1,3}){3}\b", ip, text)


def scrub_json(obj, where):
    if isinstance(obj, dict):
        return {k: (tag("field", json.dumps(v)) if SECRET_NAME.search(k) and isinstance(v, (str, int)) else scrub_json(v, f"{where}.{k}"))
                for k, v in obj.items()}
    if isinstance(obj, list):
        return [scrub_json(v, where) for v in obj]
    if isinstance(obj, str):
        return scrub_text(obj, where)
    return obj


def redact_har(data, keep_bodies, allow):
    har = json.loads(data)
    for i, e in enumerate(har.get("log", {}).get("entries", [])):
        for side in ("request", "response"):
            part = e.get(side, {})
            for h in part.get("headers", []):
                if h["name"].lower() not in allow and SECRET_NAME.search(h["name"]):
                    log.append(f"entry {i} {side} header {h['name']}")
                    h["value"] = tag("header", h["value"])
                else:
                    h["value"] = scrub_text(h["value"], f"entry {i} {side} header {h['name']}")
            for c in part.get("cookies", []):
                log.append(f"entry {i} {side} cookie {c.get('name')}")
                c["value"] = tag("cookie", c.get("value", ""))
        req = e.get("request", {})
        for q in req.get("queryString", []) + (req.get("postData", {}) or {}).get("params", []):
            if SECRET_NAME.search(q["name"]):
                log.append(f"entry {i} param {q['name']}")
                q["value"] = tag("param", q.get("value", ""))
        if "url" in req:
            req["url"] = re.sub(r"([?&][^=&]*(token|key|sig|signature|code|state|password)[^=&]*=)[^&#]*",
                                lambda m: m.group(1) + "[REDACTED]", req["url"], flags=re.I)
            req["url"] = scrub_text(req["url"], f"entry {i} url")
        if req.get("postData", {}).get("text"):
            req["postData"]["text"] = scrub_text(req["postData"]["text"], f"entry {i} postData")
        content = e.get("response", {}).get("content", {})
        if content.get("text") is not None:
            if not keep_bodies:
                content["text"] = f"[body removed: {content.get('mimeType')}, {content.get('size')} bytes]"
                content.pop("encoding", None)
            else:
                try:
                    content["text"] = json.dumps(scrub_json(json.loads(content["text"]), f"entry {i} body"))
                except ValueError:
                    content["text"] = scrub_text(content["text"], f"entry {i} body")
    return json.dumps(har, indent=1).encode()


def redact_member(name, data, args):
    if WHOLE_FILE.search(name):
        keys = sorted(set(re.findall(rb"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*[=:]", data, re.M)))
        log.append(f"{name}: whole file replaced")
        return b"# file removed by redactor; keys present:\n" + b"\n".join(b"# " + k for k in keys) + b"\n"
    if Path(name).suffix.lower() in BINARY_EXT and not args.include_binary:
        log.append(f"{name}: binary dropped")
        return None
    if name.endswith(".har"):
        return redact_har(data, args.keep_bodies, args.allow)
    try:
        return scrub_text(data.decode("utf-8"), name).encode()
    except UnicodeDecodeError:
        log.append(f"{name}: undecodable, dropped")
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--keep-bodies", action="store_true")
    ap.add_argument("--include-binary", action="store_true")
    ap.add_argument("--allow-header", action="append", default=[])
    args = ap.parse_args()
    args.allow = {h.lower() for h in args.allow_header}
    src = Path(args.path)
    stem = src.name.split(".")[0]
    if zipfile.is_zipfile(src):
        dst = src.with_name(f"{stem}.redacted.zip")
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.is_dir():
                    continue
                out = redact_member(info.filename, zin.read(info), args)
                if out is not None:
                    zout.writestr(info.filename, out)
    elif tarfile.is_tarfile(src):
        dst = src.with_name(f"{stem}.redacted.tar.gz")
        with tarfile.open(src) as tin, tarfile.open(dst, "w:gz") as tout:
            for m in tin.getmembers():
                if not m.isfile():
                    continue
                out = redact_member(m.name, tin.extractfile(m).read(), args)
                if out is not None:
                    ti = tarfile.TarInfo(m.name); ti.size = len(out); ti.mtime = m.mtime
                    tout.addfile(ti, io.BytesIO(out))
    else:
        dst = src.with_name(f"{stem}.redacted{src.suffix}")
        out = redact_member(src.name, src.read_bytes(), args)
        dst.write_bytes(out or b"")
    logf = src.with_name(f"{stem}.redaction-log.txt")
    logf.write_text("\n".join(log) + "\n")
    print(f"wrote {dst}\n{len(log)} redactions logged to {logf}")


if __name__ == "__main__":
    sys.exit(main())
