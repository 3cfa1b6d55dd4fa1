#!/usr/bin/env python3
"""Test and export DLP rules defined in rules/*.yaml against corpus/*.{pos,neg}.txt."""
import argparse
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parent.parent


def mod11(s):
    digits = re.sub(r"\D", "", s[:-1])[-8:]
    check = s[-1]
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1)))
    c = (11 - total % 11) % 11
    return check == ("X" if c == 10 else str(c))


def luhn(s):
    ds = [int(d) for d in re.sub(r"\D", "", s)][::-1]
    return sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(ds)) % 10 == 0


def iban(s):
    s = re.sub(r"\s", "", s).upper()
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


VALIDATORS = {"mod11": mod11, "luhn": luhn, "iban": iban, "none": lambda s: True}


def load_rules():
    return [yaml.safe_load(p.read_text()) for p in sorted((ROOT / "rules").glob("*.yaml"))]


def matches(rule, line):
    rx = re.compile(rule["pattern"])
    v = VALIDATORS[rule.get("validator", "none")]
    return [m.group(0) for m in rx.finditer(line) if v(m.group(0))]


def cmd_test(_):
    bad = 0
    for r in load_rules():
        pos = (ROOT / "corpus" / f"{r['id']}.pos.txt")
        neg = (ROOT / "corpus" / f"{r['id']}.neg.txt")
        pos_l = pos.read_text().splitlines() if pos.exists() else []
        neg_l = neg.read_text().splitlines() if neg.exists() else []
        tp = [l for l in pos_l if matches(r, l)]
        fn = [l for l in pos_l if not matches(r, l)]
        fp = [l for l in neg_l if matches(r, l)]
        prec = len(tp) / (len(tp) + len(fp)) if tp or fp else 1.0
        rec = len(tp) / len(pos_l) if pos_l else 0.0
        print(f"{r['id']}: precision {prec:.2f} recall {rec:.2f} ({len(pos_l)} pos, {len(neg_l)} neg)")
        for l in fn:
            print(f"   missed:   {l}")
        for l in fp:
            print(f"   false +:  {l}")
        bad += len(fn) + len(fp)
    return 1 if bad else 0


def export_purview(rules):
    ents, res = [], []
    for r in rules:
        kw_id = f"kw_{r['id']}"
        ents.append(f'''    <Entity id="{r['id']}" patternsProximity="{r.get('proximity', 300)}" recommendedConfidence="75">
      <Pattern confidenceLevel="85"><IdMatch idRef="rx_{r['id']}"/><Match idRef="{kw_id}"/></Pattern>
      <Pattern confidenceLevel="65"><IdMatch idRef="rx_{r['id']}"/></Pattern>
    </Entity>''')
        res.append(f'    <Regex id="rx_{r["id"]}">{escape(r["pattern"])}</Regex>')
        terms = "".join(f"<Term>{escape(k)}</Term>" for k in r.get("keywords", []))
        res.append(f'    <Keyword id="{kw_id}"><Group matchStyle="word">{terms}</Group></Keyword>')
    return ('<?xml version="1.0" encoding="utf-16"?>\n<RulePackage xmlns="http://schemas.microsoft.com/office/2011/mce">\n'
            '  <Rules>\n' + "\n".join(ents) + "\n" + "\n".join(res) + '\n  </Rules>\n</RulePackage>\n')


def export_gcp(rules):
    return json.dumps({"inspectConfig": {"customInfoTypes": [
        {"infoType": {"name": r["id"].upper().replace("-", "_")}, "regex": {"pattern": r["pattern"]},
         "likelihood": "POSSIBLE",
         "detectionRules": [{"hotwordRule": {
             "hotwordRegex": {"pattern": "(?i)(" + "|".join(map(re.escape, r.get("keywords", []))) + ")"},
             "proximity": {"windowBefore": r.get("proximity", 300)},
             "likelihoodAdjustment": {"fixedLikelihood": "LIKELY"}}}]} for r in rules]}}, indent=2)


def export_gitleaks(rules):
    out = ['title = "dlp-pattern-pack"', "[extend]", "useDefault = true", ""]
    for r in rules:
        out += ["[[rules]]", f'id = "{r["id"]}"', f'description = "{r["description"]}"',
                f"regex = '''{r['pattern']}'''",
                "keywords = [" + ", ".join(f'"{k.lower()}"' for k in r.get("keywords", [])) + "]", ""]
    return "\n".join(out)


def cmd_export(a):
    rules = load_rules()
    print({"purview": export_purview, "gcp-dlp": export_gcp, "gitleaks": export_gitleaks}[a.format](rules))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("test")
    e = sub.add_parser("export")
    e.add_argument("--format", choices=["purview", "gcp-dlp", "gitleaks"], required=True)
    a = ap.parse_args()
    sys.exit({"test": cmd_test, "export": cmd_export}[a.cmd](a) or 0)


if __name__ == "__main__":
    main()
