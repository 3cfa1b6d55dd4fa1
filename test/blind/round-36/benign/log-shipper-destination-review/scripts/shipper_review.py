#!/usr/bin/env python3
"""List inputs and outputs of log shippers. Read-only; never connects anywhere."""
import argparse, glob, os, re, time

SECRET_PAT = re.compile(r"(bash_history|zsh_history|/etc/shadow|\.env\b|\.aws/|\.ssh/|/proc/\S*/environ|\.netrc|\.git-credentials)")
HOST_PAT = re.compile(r"(?i)\b(?:host|hosts|endpoint|url|uri|address|server|target)\b\s*[:=]\s*\"?\[?\s*\"?([^\s\",\]]+)")
PATH_PAT = re.compile(r"(?i)\b(?:path|paths|include|__path__|file)\b\s*[:=]\s*\"?\[?\s*\"?([^\s\"\]]+)")
RSYSLOG_FWD = re.compile(r"^\s*([\w\*\.,;!=]+)\s+(@@?)\(?[^\s]*?([\w\.\-]+)(?::(\d+))?", re.M)

GLOBS = {
    "fluent-bit": ["etc/fluent-bit/*.conf", "etc/fluent-bit/*.yaml"],
    "vector": ["etc/vector/*.toml", "etc/vector/*.yaml"],
    "filebeat": ["etc/filebeat/filebeat.yml", "etc/filebeat/modules.d/*.yml"],
    "promtail": ["etc/promtail/*.yml", "etc/alloy/*.alloy"],
    "rsyslog": ["etc/rsyslog.conf", "etc/rsyslog.d/*.conf"],
    "syslog-ng": ["etc/syslog-ng/*.conf", "etc/syslog-ng/conf.d/*.conf"],
    "otelcol": ["etc/otelcol*/config.yaml"],
}

def review(root, expect):
    out = ["# Log shipper review", ""]
    for shipper, pats in GLOBS.items():
        files = sorted({f for p in pats for f in glob.glob(os.path.join(root, p))})
        if not files:
            continue
        out.append(f"## {shipper}")
        for f in files:
            text = open(f, errors="replace").read()
            age = (time.time() - os.path.getmtime(f)) / 86400
            out.append(f"### {f}{'  RECENT-CHANGE' if age < 14 else ''}")
            for m in PATH_PAT.finditer(text):
                flag = "  SECRET-INPUT" if SECRET_PAT.search(m.group(1)) else ""
                out.append(f"- input: `{m.group(1)}`{flag}")
            for m in HOST_PAT.finditer(text):
                dest = m.group(1)
                flags = []
                if dest.startswith("http://") and not re.search(r"//(localhost|127\.)", dest):
                    flags.append("NO-TLS")
                host = re.sub(r"^\w+://", "", dest).split("/")[0].split(":")[0]
                if expect and host not in expect and not host.startswith(("127.", "localhost", "${")):
                    flags.append("UNKNOWN-DEST")
                out.append(f"- output: `{dest}` {' '.join(flags)}")
            if shipper == "rsyslog":
                for m in RSYSLOG_FWD.finditer(text):
                    sel, proto, host, port = m.groups()
                    flags = ["WILDCARD-FWD"] if sel.startswith("*.*") else []
                    if expect and host not in expect:
                        flags.append("UNKNOWN-DEST")
                    out.append(f"- forward: `{sel}` -> {host}:{port or 514} ({'tcp' if proto == '@@' else 'udp'}) {' '.join(flags)}")
        out.append("")
    return "\n".join(out)

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/")
    ap.add_argument("--expect", default="", help="comma-separated expected destination hosts")
    a = ap.parse_args()
    print(review(a.root, {h.strip() for h in a.expect.split(",") if h.strip()}))
