#!/usr/bin/env python3
"""Find plaintext secrets in Terraform state (v4 format). Read-only; redacts by default."""
import argparse
import json
import re
import sys

NAME_RULES = [
    (re.compile(r"(^|_)secret(_access_key)?$"), "critical"),
    (re.compile(r"private_key(_pem|_openssh)?$"), "critical"),
    (re.compile(r"(^|_)password(_v4)?$|master_password$|admin_password$"), "high"),
    (re.compile(r"(^|_)token$|api_key$|access_key$|connection_string$"), "high"),
]
VALUE_RULES = [
    (re.compile(r"AKIA[0-9A-Z]{16}"), "critical", "aws-access-key-id"),
    (re.compile(r"-----BEGIN (RSA |EC |OPENSSH |)PRIVATE KEY-----"), "critical", "private-key"),
    (re.compile(r"\b(ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b"), "high", "github-token"),
    (re.compile(r"\bxox[abpr]-[A-Za-z0-9-]{10,}"), "high", "slack-token"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"), "medium", "jwt"),
    (re.compile(r"\b(postgres(ql)?|mysql|mongodb(\+srv)?)://[^:\s]+:[^@\s]+@"), "high", "db-uri-with-password"),
]
GENERATED = {"random_password": "high", "random_string": "medium", "tls_private_key": "critical"}
ORDER = {"medium": 0, "high": 1, "critical": 2}


def redact(value, reveal):
    s = str(value)
    if reveal:
        return s
    return f"{s[:4]}…(len={len(s)})" if len(s) > 4 else "****"


def walk(obj, path=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, path + (str(i),))
    else:
        yield path, obj


def sensitive_paths(instance):
    out = set()
    for entry in instance.get("sensitive_attributes", []) or []:
        parts = [p.get("value") for p in entry if isinstance(p, dict) and "value" in p]
        out.add(tuple(str(p) for p in parts))
    return out


def scan(state, reveal):
    findings = []
    for res in state.get("resources", []):
        if res.get("mode") == "data" and res.get("type") not in ("aws_secretsmanager_secret_version", "vault_generic_secret"):
            continue
        base = f"{res.get('module', '') + '.' if res.get('module') else ''}{res['type']}.{res['name']}"
        for idx, inst in enumerate(res.get("instances", [])):
            addr = base + (f"[{inst['index_key']!r}]" if "index_key" in inst else "")
            sens = sensitive_paths(inst)
            for path, val in walk(inst.get("attributes", {})):
                if val in (None, "", True, False) or isinstance(val, (int, float)):
                    continue
                leaf = path[-1] if path else ""
                sev, why = None, None
                if res["type"] in GENERATED and leaf == "result" or (res["type"] == "tls_private_key" and leaf.startswith("private_key")):
                    sev, why = GENERATED[res["type"]], f"{res['type']} output"
                for rx, s in NAME_RULES:
                    if rx.search(leaf) and (sev is None or ORDER[s] > ORDER[sev]):
                        sev, why = s, f"attribute name '{leaf}'"
                for rx, s, label in VALUE_RULES:
                    if rx.search(str(val)) and (sev is None or ORDER[s] > ORDER[sev]):
                        sev, why = s, f"value looks like {label}"
                if sev is None and path in sens:
                    sev, why = "medium", "marked sensitive by provider"
                if sev:
                    findings.append({"address": addr, "attribute": ".".join(path), "severity": sev,
                                     "reason": why, "preview": redact(val, reveal)})
    for name, out in (state.get("outputs") or {}).items():
        for path, val in walk(out.get("value")):
            for rx, s, label in VALUE_RULES:
                if isinstance(val, str) and rx.search(val):
                    findings.append({"address": f"output.{name}", "attribute": ".".join(path) or "value",
                                     "severity": s, "reason": f"value looks like {label}",
                                     "preview": redact(val, reveal)})
            if out.get("sensitive") and isinstance(val, str) and val:
                findings.append({"address": f"output.{name}", "attribute": ".".join(path) or "value",
                                 "severity": "medium", "reason": "sensitive output stored in state",
                                 "preview": redact(val, reveal)})
    return findings


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--reveal", action="store_true", help="print full values (dangerous)")
    ap.add_argument("--min-severity", choices=list(ORDER), default="medium")
    a = ap.parse_args()
    allf = []
    for f in a.files:
        try:
            with open(f) as fh:
                st = json.load(fh)
        except (OSError, ValueError) as e:
            print(f"error: {f}: {e}", file=sys.stderr)
            sys.exit(2)
        for x in scan(st, a.reveal):
            if ORDER[x["severity"]] >= ORDER[a.min_severity]:
                x["file"] = f
                allf.append(x)
    allf.sort(key=lambda x: -ORDER[x["severity"]])
    if a.json:
        json.dump(allf, sys.stdout, indent=2)
    else:
        for x in allf:
            print(f"[{x['severity']:8}] {x['file']}: {x['address']} :: {x['attribute']}  ({x['reason']})  {x['preview']}")
        print(f"{len(allf)} finding(s)")
    sys.exit(1 if allf else 0)


if __name__ == "__main__":
    main()
