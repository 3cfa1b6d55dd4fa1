#!/usr/bin/env python3
"""Render LOLBin hunts to KQL / SPL and test them against example command lines.

  render.py test [--events FILE.jsonl]
  render.py kql (--id ID | --all) [--table DeviceProcessEvents]
  render.py spl (--id ID | --all)
"""
import argparse
import json
import ntpath
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))


def load():
    with open(os.path.join(HERE, "..", "library", "hunts.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def matches(h, image, cmdline, parent="", original=""):
    names = {n.lower() for n in h.get("image", [])}
    img = ntpath.basename(image).lower()
    if img not in names and original.lower() not in names:
        return False
    c = cmdline.lower()
    if not all(a.lower() in c for a in h.get("all_args", [])):
        return False
    anys = h.get("any_args", [])
    if anys and not any(a.lower() in " %s " % c for a in anys):
        return False
    if ntpath.basename(parent).lower() in {p.lower() for p in h.get("exclude_parents", [])}:
        return False
    return True


def image_of(cmd):
    first = cmd.split(" ", 1)[0].strip('"')
    return first if first.lower().endswith(".exe") else first + ".exe"


def kql_list(items):
    return "(" + ", ".join('"%s"' % i.replace("\\", "\\\\").replace('"', '\\"') for i in items) + ")"


def to_kql(h, table):
    lines = [table, "| where Timestamp > ago(7d)" if table.startswith("Device") else "| where TimeGenerated > ago(7d)"]
    lines.append("| where FileName in~ %s or ProcessVersionInfoOriginalFileName in~ %s" % (kql_list(h["image"]), kql_list(h["image"])))
    for a in h.get("all_args", []):
        lines.append('| where ProcessCommandLine contains "%s"' % a.replace("\\", "\\\\"))
    if h.get("any_args"):
        lines.append("| where ProcessCommandLine has_any %s" % kql_list([a.strip() for a in h["any_args"]]))
    if h.get("exclude_parents"):
        lines.append("| where InitiatingProcessFileName !in~ %s" % kql_list(h["exclude_parents"]))
    lines.append("| project Timestamp, DeviceName, AccountName, FileName, ProcessCommandLine, InitiatingProcessFileName, InitiatingProcessCommandLine")
    return "// %s (%s) %s\n" % (h["id"], ", ".join(h.get("attack", [])), h["title"]) + "\n".join(lines)


def spl_quote(s):
    return '"*%s*"' % s.strip().replace("\\", "\\\\").replace('"', '\\"')


def to_spl(h):
    imgs = " OR ".join('Image="*\\\\%s" OR OriginalFileName="%s"' % (i, i) for i in h["image"])
    parts = ['index=sysmon EventCode=1 (%s)' % imgs]
    for a in h.get("all_args", []):
        parts.append("CommandLine=%s" % spl_quote(a))
    if h.get("any_args"):
        parts.append("(" + " OR ".join("CommandLine=%s" % spl_quote(a) for a in h["any_args"]) + ")")
    for p in h.get("exclude_parents", []):
        parts.append('NOT ParentImage="*\\\\%s"' % p)
    return "`comment(\"%s %s\")` " % (h["id"], h["title"]) + " ".join(parts) + \
        " | table _time host User Image CommandLine ParentImage"


def cmd_test(hunts, events):
    failures = 0
    for h in hunts:
        for s in h.get("should_match", []):
            if not matches(h, image_of(s), s):
                failures += 1
                print("FAIL %s should match: %s" % (h["id"], s))
        for s in h.get("should_not_match", []):
            if matches(h, image_of(s), s):
                failures += 1
                print("FAIL %s should not match: %s" % (h["id"], s))
    if events:
        with open(events, encoding="utf-8") as fh:
            for line in fh:
                ev = json.loads(line)
                for h in hunts:
                    if matches(h, ev.get("Image", ""), ev.get("CommandLine", ""), ev.get("ParentImage", ""), ev.get("OriginalFileName", "")):
                        print("HIT %s: %s" % (h["id"], ev.get("CommandLine", "")[:160]))
    print("%d hunts, %d failures" % (len(hunts), failures))
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["test", "kql", "spl"])
    ap.add_argument("--id")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--events")
    ap.add_argument("--table", default="DeviceProcessEvents")
    args = ap.parse_args()
    hunts = load()
    if args.mode == "test":
        sys.exit(cmd_test(hunts, args.events))
    selected = hunts if args.all else [h for h in hunts if h["id"] == args.id]
    if not selected:
        sys.exit("no hunt selected (use --id or --all)")
    for h in selected:
        print(to_kql(h, args.table) if args.mode == "kql" else to_spl(h))
        print()


if __name__ == "__main__":
    main()
