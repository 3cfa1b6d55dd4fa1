#!/usr/bin/env python3
"""Heuristic scanner for Android intent redirection.

  intent_redirect_scan.py manifest AndroidManifest.xml
  intent_redirect_scan.py code SRC_DIR

Text-based; aims for recall. Review every finding by hand.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

A = "{http://schemas.android.com/apk/res/android}"
COMPONENTS = ("activity", "activity-alias", "service", "receiver", "provider")

SOURCE_PATTERNS = [
    re.compile(r"getParcelableExtra\s*\("),
    re.compile(r"IntentCompat\.getParcelableExtra\s*\("),
    re.compile(r"getParcelable\s*\(\s*\"[^\"]*intent", re.I),
    re.compile(r"Intent\.parseUri\s*\("),
    re.compile(r"getParcelableArrayListExtra\s*\("),
]
SINK_PATTERNS = [
    re.compile(r"\bstartActivit(?:y|ies|yForResult)\s*\("),
    re.compile(r"\bstartService\s*\(|\bstartForegroundService\s*\(|\bbindService\s*\("),
    re.compile(r"\bsendBroadcast\s*\(|\bsendOrderedBroadcast\s*\("),
    re.compile(r"\bsetResult\s*\(\s*[^,]+,\s*\w+"),
    re.compile(r"\.launch\s*\(\s*\w*[Ii]ntent"),
]
VALIDATION_HINTS = [
    re.compile(r"resolveActivity\s*\("),
    re.compile(r"removeFlags\s*\("),
    re.compile(r"getComponent\s*\(\s*\)\s*\.\s*(getClassName|getPackageName)"),
    re.compile(r"createChooser\s*\("),
]
PENDING = re.compile(r"PendingIntent\.get(Activity|Activities|Service|Broadcast|ForegroundService)\s*\(([^;]*)\)", re.S)


def manifest(path):
    root = ET.parse(path).getroot()
    pkg = root.get("package", "?")
    target = None
    us = root.find("uses-sdk")
    if us is not None:
        target = us.get(A + "targetSdkVersion")
    app = root.find("application")
    print(f"package {pkg}  targetSdk {target or '?'}")
    for kind in COMPONENTS:
        for c in app.findall(kind):
            name = c.get(A + "name")
            exported = c.get(A + "exported")
            filters = c.findall("intent-filter")
            implicit = exported is None and filters and (target is None or int(target) < 31)
            if exported != "true" and not implicit:
                continue
            perm = c.get(A + "permission") or "-"
            actions = [a.get(A + "name") for f in filters for a in f.findall("action")]
            schemes = [d.get(A + "scheme") for f in filters for d in f.findall("data") if d.get(A + "scheme")]
            flag = "exported" if exported == "true" else "exported(implicit)"
            print(f"{kind:15} {name}\n    {flag}  permission={perm}")
            if actions:
                print(f"    actions: {', '.join(actions)}")
            if schemes:
                print(f"    deep-link schemes: {', '.join(sorted(set(schemes)))}")


def scan_file(path):
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return []
    findings = []
    srcs = [(m.start(), m.group(0)) for p in SOURCE_PATTERNS for m in p.finditer(text)]
    sinks = [(m.start(), m.group(0)) for p in SINK_PATTERNS for m in p.finditer(text)]
    if srcs and sinks:
        validated = any(v.search(text) for v in VALIDATION_HINTS)
        for pos, s in sinks:
            line = text.count("\n", 0, pos) + 1
            findings.append(("forward", line, s.strip(), validated))
    for m in PENDING.finditer(text):
        args = m.group(2)
        if "FLAG_IMMUTABLE" not in args:
            line = text.count("\n", 0, m.start()) + 1
            findings.append(("pending-mutable", line, m.group(0)[:80].replace("\n", " "), False))
    return findings


def code(root):
    total = 0
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith((".java", ".kt")):
                continue
            p = os.path.join(dirpath, f)
            for kind, line, snippet, validated in scan_file(p):
                total += 1
                note = " (some validation present: check it)" if validated else ""
                print(f"{kind:16} {os.path.relpath(p, root)}:{line}  {snippet}{note}")
    print(f"\n{total} findings. Read each in context; see SKILL.md step 3.")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("manifest", "code"):
        sys.exit(__doc__)
    manifest(sys.argv[2]) if sys.argv[1] == "manifest" else code(sys.argv[2])


if __name__ == "__main__":
    main()
