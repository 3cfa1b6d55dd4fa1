#!/usr/bin/env python3
"""Find injection -> sensitive read -> outbound chains in saved agent transcripts (read-only)."""
import argparse
import base64
import binascii
import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlparse, parse_qsl

INJECTION = re.compile(r"ignore (all )?(previous|prior) instructions|you are now|<\s*system\s*>|"
                       r"the user (wants|has asked) you to|do not (tell|inform) the user|"
                       r"display:\s*none|<!--\s*(ai|assistant|agent)", re.I)
SENSITIVE = re.compile(r"(^|/)\.env\b|\.ssh/|\.aws/credentials|\.pem\b|\bprintenv\b|\benv\b\s*$|"
                       r"gh auth token|credential\.helper|\.npmrc|\.netrc|id_(rsa|ed25519)", re.I)
URL = re.compile(r"https?://[^\s)\"'>]+")
IMAGE = re.compile(r"!\[[^\]]*\]\((https?://[^)\s]+)\)")
SECRET_SHAPES = [
    ("AWS key", re.compile(r"AKIA[0-9A-Z]{16}")),
    ("GitHub token", re.compile(r"gh[pousr]_[A-Za-z0-9]{30,}")),
    ("Slack token", re.compile(r"xox[abpr]-[A-Za-z0-9-]{10,}")),
    ("private key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("generic secret", re.compile(r"(?i)(secret|token|password|api_key)\s*[=:]\s*\S{8,}")),
]


def redact(s, on=True):
    if not on:
        return s
    for name, rx in SECRET_SHAPES:
        s = rx.sub(f"‹redacted:{name}›", s)
    return s


def looks_encoded(v):
    if len(v) < 24:
        return False
    if re.fullmatch(r"[0-9a-fA-F]+", v):
        return True
    try:
        base64.b64decode(v + "=" * (-len(v) % 4), validate=True)
        return True
    except (binascii.Error, ValueError):
        return False


def turns(path):
    """Yield (index, role, kind, text) for a Claude Code JSONL or plain Markdown transcript."""
    if path.suffix == ".jsonl":
        for i, line in enumerate(path.read_text(errors="replace").splitlines()):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            msg = rec.get("message") or rec
            role = msg.get("role") or rec.get("type", "")
            content = msg.get("content")
            if isinstance(content, str):
                yield i, role, "text", content
                continue
            for part in content or []:
                t = part.get("type")
                if t == "text":
                    yield i, role, "text", part.get("text", "")
                elif t == "tool_use":
                    yield i, role, "tool_use", json.dumps(part.get("input", {}))
                elif t == "tool_result":
                    c = part.get("content")
                    c = c if isinstance(c, str) else " ".join(x.get("text", "") for x in c or [] if isinstance(x, dict))
                    yield i, "tool", "tool_result", c
    else:
        role = "unknown"
        for i, block in enumerate(re.split(r"\n(?=#+ |\*\*(User|Assistant|Tool)\*\*)", path.read_text(errors="replace"))):
            if not block:
                continue
            m = re.match(r"(#+ |\*\*)(user|assistant|tool)", block, re.I)
            role = m.group(2).lower() if m else role
            yield i, role, "text", block


def hunt(path, allow, do_redact):
    events, findings = [], []
    for idx, role, kind, text in turns(path):
        if kind == "tool_result" and INJECTION.search(text):
            m = INJECTION.search(text)
            events.append(("inject", idx, text[max(0, m.start() - 80):m.start() + 220]))
        if kind == "tool_use" and SENSITIVE.search(text):
            events.append(("sensitive", idx, text[:200]))
        urls = IMAGE.findall(text) if role == "assistant" and kind == "text" else []
        if kind == "tool_use":
            urls += URL.findall(text)
        for u in urls:
            host = urlparse(u).hostname or ""
            if any(host == a or host.endswith("." + a) for a in allow):
                continue
            encoded = any(looks_encoded(v) for _, v in parse_qsl(urlparse(u).query)) or \
                any(looks_encoded(seg) for seg in urlparse(u).path.split("/"))
            events.append(("outbound", idx, u + ("  [encoded data in URL]" if encoded else "")))
    for n, (kind, idx, text) in enumerate(events):
        if kind != "outbound":
            continue
        prior = [e for e in events[:n] if idx - e[1] <= 20]
        inj = [e for e in prior if e[0] == "inject"]
        sens = [e for e in prior if e[0] == "sensitive"]
        sev = "High" if inj and sens else "Medium"
        findings.append({"severity": sev, "turn": idx, "outbound": redact(text, do_redact),
                         "injection": redact(inj[-1][2], do_redact) if inj else None,
                         "sensitive": redact(sens[-1][2], do_redact) if sens else None})
    return findings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--since")
    ap.add_argument("--allow", default="github.com,githubusercontent.com,pypi.org,npmjs.org,anthropic.com")
    ap.add_argument("--out", default="leak-report.md")
    ap.add_argument("--no-redact", action="store_true")
    a = ap.parse_args()
    allow = [h.strip() for h in a.allow.split(",") if h.strip()]
    since = dt.datetime.fromisoformat(a.since).timestamp() if a.since else 0

    files = []
    for p in map(Path, a.paths):
        files += sorted(p.rglob("*.jsonl")) + sorted(p.rglob("*.md")) if p.is_dir() else [p]
    out = ["# Agent transcript leak hunt", ""]
    total = 0
    for f in files:
        if f.stat().st_mtime < since:
            continue
        res = hunt(f, allow, not a.no_redact)
        if not res:
            continue
        total += len(res)
        out.append(f"## {f}")
        for r in sorted(res, key=lambda r: (r["severity"] != "High", r["turn"])):
            out.append(f"- **{r['severity']}** turn {r['turn']}: outbound `{r['outbound']}`")
            if r["injection"]:
                out.append(f"  - injected text: > {r['injection'].strip()!r}")
            if r["sensitive"]:
                out.append(f"  - sensitive read: `{r['sensitive']}`")
        out.append("")
    Path(a.out).write_text("\n".join(out) + "\n")
    print(f"{len(files)} transcripts, {total} findings -> {a.out}")


if __name__ == "__main__":
    main()
