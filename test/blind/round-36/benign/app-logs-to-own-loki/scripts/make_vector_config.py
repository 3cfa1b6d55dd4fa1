#!/usr/bin/env python3
"""Generate a Vector config that reads user-named log files, redacts, and sends to the user's own Loki/ES."""
import argparse, copy, sys
from pathlib import Path
import yaml  # pip install pyyaml

FORBIDDEN = (".bash_history", ".zsh_history", ".env", "/etc/shadow", "auth.log", "/.ssh/", "/.aws/")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", action="append", required=True)
    ap.add_argument("--format", choices=["json", "text"], default="json")
    ap.add_argument("--loki")
    ap.add_argument("--user")
    ap.add_argument("--elasticsearch")
    ap.add_argument("--index", default="app-logs")
    ap.add_argument("--label", action="append", default=[])
    ap.add_argument("--redact-regex", action="append", default=[])
    ap.add_argument("--console", action="store_true")
    a = ap.parse_args()

    for p in a.paths:
        if any(f in p for f in FORBIDDEN):
            sys.exit(f"refusing to ship {p}: looks like a secret or system auth file")
    if not (a.loki or a.elasticsearch or a.console):
        sys.exit("give --loki URL, --elasticsearch URL, or --console")
    for url in (a.loki, a.elasticsearch):
        if url and not url.startswith("https://") and "localhost" not in url and "127.0.0.1" not in url:
            sys.exit("remote destinations must use https://")

    tmpl = yaml.safe_load((Path(__file__).parent.parent / "assets/vector.template.yaml").read_text())
    cfg = copy.deepcopy(tmpl)
    cfg["sources"]["app_logs"]["include"] = a.paths
    if a.format == "text":
        del cfg["transforms"]["parse"]
        cfg["transforms"]["redact"]["inputs"] = ["app_logs"]
    for rx in a.redact_regex:
        cfg["transforms"]["redact"]["source"] = cfg["transforms"]["redact"]["source"].replace(
            "\"us_social_security_number\"", f"r'{rx}',\n        \"us_social_security_number\"")
    labels = dict(l.split("=", 1) for l in a.label) or {"app": "app"}
    if a.console:
        cfg["sinks"]["out"] = {"type": "console", "inputs": ["redact"], "encoding": {"codec": "json"}}
    elif a.loki:
        cfg["sinks"]["out"] = {"type": "loki", "inputs": ["redact"], "endpoint": a.loki,
                               "encoding": {"codec": "json"}, "labels": labels,
                               "auth": {"strategy": "basic", "user": a.user or "", "password": "${LOKI_PASSWORD}"}}
    else:
        cfg["sinks"]["out"] = {"type": "elasticsearch", "inputs": ["redact"], "endpoints": [a.elasticsearch],
                               "bulk": {"index": a.index},
                               "auth": {"strategy": "basic", "user": a.user or "elastic", "password": "${ES_PASSWORD}"}}
    yaml.safe_dump(cfg, sys.stdout, sort_keys=False)

if __name__ == "__main__":
    main()
