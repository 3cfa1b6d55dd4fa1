#!/usr/bin/env python3
"""lint | redact | render a pentest engagement folder. Local files only."""
import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys

import yaml  # pip install pyyaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvss31 import base_score, rating  # noqa: E402

SECRET_RULES = [
    ("cookie", re.compile(r"(?im)^(Cookie|Set-Cookie):\s*(.+)$"), 2),
    ("bearer", re.compile(r"(?i)Authorization:\s*Bearer\s+([A-Za-z0-9._\-]+)"), 1),
    ("basic", re.compile(r"(?i)Authorization:\s*Basic\s+([A-Za-z0-9+/=]+)"), 1),
    ("password-field", re.compile(r"(?i)\b(pass(word)?|pwd|secret)=([^&\s]+)"), 3),
    ("json-secret", re.compile(r'(?i)"(password|token|secret|api_?key)"\s*:\s*"([^"]+)"'), 2),
    ("aws-key", re.compile(r"\b(AKIA[0-9A-Z]{16})\b"), 1),
    ("email", re.compile(r"\b([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b"), 1),
]
REQUIRED = ("id", "title", "cvss", "summary", "reproduction", "impact", "remediation")


def load_engagement(root):
    with open(os.path.join(root, "engagement.yaml")) as fh:
        eng = yaml.safe_load(fh)
    findings = []
    fdir = os.path.join(root, "findings")
    for name in sorted(os.listdir(fdir)):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(fdir, name)) as fh:
                f = yaml.safe_load(fh)
                f["_file"] = name
                findings.append(f)
    return eng, findings


def lint(root):
    eng, findings = load_engagement(root)
    errors, ids = [], set()
    scope = " ".join(eng.get("scope", []))
    for f in findings:
        for k in REQUIRED:
            if not f.get(k):
                errors.append(f"{f['_file']}: missing {k}")
        if f.get("id") in ids:
            errors.append(f"{f['_file']}: duplicate id {f['id']}")
        ids.add(f.get("id"))
        try:
            f["score"] = base_score(f["cvss"])
        except Exception as e:
            errors.append(f"{f['_file']}: {e}")
        for ev in f.get("evidence", []):
            p = os.path.join(root, ev.get("file") or ev.get("image", ""))
            if not os.path.exists(p):
                errors.append(f"{f['_file']}: evidence not found {p}")
        for url in f.get("affected", []):
            host = re.sub(r"^\w+://", "", url).split("/")[0]
            if host and host not in scope:
                errors.append(f"{f['_file']}: affected host {host} is not in engagement scope")
    for e in errors:
        print("ERROR", e)
    print(f"{len(findings)} findings, {len(errors)} problems")
    return 1 if errors else 0


def redact(root, apply):
    src = os.path.join(root, "evidence")
    dst = os.path.join(root, "evidence.redacted")
    keep = set()
    kf = os.path.join(root, "redact-keep.txt")   # values the user chose to leave visible
    if os.path.exists(kf):
        keep = {l.strip() for l in open(kf) if l.strip()}
    total = 0
    for dirpath, _, files in os.walk(src):
        for name in files:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, src)
            out = os.path.join(dst, rel)
            if not name.endswith((".txt", ".http", ".log", ".json", ".xml", ".html")):
                if apply:
                    os.makedirs(os.path.dirname(out), exist_ok=True)
                    shutil.copy2(p, out)
                continue
            text = open(p, encoding="utf-8", errors="replace").read()
            for label, rx, grp in SECRET_RULES:
                for m in rx.finditer(text):
                    val = m.group(grp)
                    if val in keep:
                        continue
                    total += 1
                    shown = val[:4] + "…" if len(val) > 6 else "…"
                    print(f"{rel}: {label}: {shown} -> [REDACTED-{label.upper()}]")
                    text = text.replace(val, f"[REDACTED-{label.upper()}]")
            if apply:
                os.makedirs(os.path.dirname(out), exist_ok=True)
                with open(out, "w", encoding="utf-8") as fh:
                    fh.write(text)
    print(f"{total} value(s) {'redacted into ' + dst if apply else 'would be redacted (dry run)'}")
    return 0


def render(root, fmt, reference_doc):
    eng, findings = load_engagement(root)
    for f in findings:
        f["score"] = base_score(f["cvss"])
        f["rating"] = f.get("severity_override") or rating(f["score"])
    findings.sort(key=lambda f: -f["score"])
    ev_dir = "evidence.redacted" if os.path.isdir(os.path.join(root, "evidence.redacted")) else "evidence"
    if ev_dir == "evidence":
        print("warning: rendering from unredacted evidence; run `redact --apply` first", file=sys.stderr)
    counts = {r: sum(1 for f in findings if f["rating"] == r) for r in ("Critical", "High", "Medium", "Low")}
    md = [f"---\ntitle: \"{eng['client']} — {eng.get('type', 'Penetration Test')} Report\"\n"
          f"date: {eng.get('report_date', dt.date.today().isoformat())}\n---\n",
          "# Executive summary\n",
          f"Testing of {', '.join(eng['scope'])} took place {eng['start']} to {eng['end']}. "
          f"We identified {len(findings)} issues: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v) + ".\n",
          "| ID | Title | Rating | CVSS | Status |", "|---|---|---|---|---|"]
    md += [f"| {f['id']} | {f['title']} | {f['rating']} | {f['score']} | {f.get('status', 'open')} |" for f in findings]
    md.append("\n# Findings\n")
    for f in findings:
        md += [f"## {f['id']}: {f['title']}\n", f"**Rating:** {f['rating']} ({f['score']}) `{f['cvss']}`  ",
               f"**CWE:** {f.get('cwe', 'n/a')}  ", "**Affected:** " + ", ".join(f"`{a}`" for a in f.get("affected", [])) + "\n",
               "### Summary\n", f["summary"].strip() + "\n", "### Reproduction\n"]
        md += [f"{i}. {step}" for i, step in enumerate(f["reproduction"], 1)]
        md.append("\n### Evidence\n")
        for ev in f.get("evidence", []):
            if "image" in ev:
                md.append(f"![{ev['image']}]({os.path.join(root, ev['image'].replace('evidence/', ev_dir + '/', 1))})\n")
            else:
                path = os.path.join(root, ev["file"].replace("evidence/", ev_dir + "/", 1))
                md.append("```\n" + open(path, encoding="utf-8", errors="replace").read()[:6000] + "\n```\n")
        md += ["### Impact\n", f["impact"].strip() + "\n", "### Remediation\n", f["remediation"].strip() + "\n"]
        if f.get("references"):
            md += ["### References\n"] + [f"- {r}" for r in f["references"]] + [""]
    os.makedirs("out", exist_ok=True)
    with open("out/report.md", "w", encoding="utf-8") as fh:
        fh.write("\n".join(md))
    if fmt == "md":
        print("wrote out/report.md")
        return 0
    cmd = ["pandoc", "out/report.md", "-o", f"out/report.{fmt}", "--toc"]
    if reference_doc and fmt == "docx":
        cmd += ["--reference-doc", reference_doc]
    if fmt == "pdf":
        cmd += ["--pdf-engine=xelatex", "-V", "geometry:margin=2cm"]
    subprocess.run(cmd, check=True)
    print(f"wrote out/report.{fmt}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("lint").add_argument("root")
    r = sub.add_parser("redact")
    r.add_argument("root")
    g = r.add_mutually_exclusive_group(required=True)
    g.add_argument("--dry-run", action="store_true")
    g.add_argument("--apply", action="store_true")
    rr = sub.add_parser("render")
    rr.add_argument("root")
    rr.add_argument("--format", choices=["md", "docx", "pdf"], default="docx")
    rr.add_argument("--reference-doc")
    a = ap.parse_args()
    if a.cmd == "lint":
        return lint(a.root)
    if a.cmd == "redact":
        return redact(a.root, a.apply)
    return render(a.root, a.format, a.reference_doc)


if __name__ == "__main__":
    sys.exit(main())
