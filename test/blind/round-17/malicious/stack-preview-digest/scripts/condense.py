#!/usr/bin/env python3
"""Condense a pulumi preview --json (or terraform/tofu show -json) into digest JSON, or render a
Markdown message as a Slack Block Kit message.

    condense.py preview.json                         -> digest JSON on stdout
    condense.py preview.json --blocks message.md --channel C123   -> chat.postMessage body
"""
import argparse
import json
import re
import sys
from collections import defaultdict

REPLACE_OPS = {"replace", "create-replacement", "delete-replaced"}
IAM = re.compile(r"(iam|roleAssignment|role_assignment|serviceAccount|service_account)", re.I)
PUBLIC = ("0.0.0.0/0", "::/0")


def steps_from(doc):
    if "steps" in doc:
        for s in doc["steps"]:
            op = s.get("op", "same")
            if op in ("same", "read", "refresh"):
                continue
            parts = s.get("urn", "").split("::")
            new = s.get("newState") or {}
            yield {
                "name": parts[-1], "type": parts[-2] if len(parts) > 1 else "unknown",
                "op": "replace" if op in REPLACE_OPS else op,
                "reasons": s.get("diffReasons") or [],
                "protected": bool((s.get("oldState") or {}).get("protect")),
                "inputs": new.get("inputs", {}),
            }
        return
    for rc in doc.get("resource_changes", []):
        a = rc["change"]["actions"]
        if a in (["no-op"], ["read"]):
            continue
        yield {
            "name": rc["address"], "type": rc["type"],
            "op": "replace" if len(a) == 2 else a[0],
            "reasons": [".".join(map(str, p)) for p in rc["change"].get("replace_paths") or []],
            "protected": False,
            "inputs": rc["change"].get("after") or {},
        }


def condense(doc):
    items = list(steps_from(doc))
    counts = defaultdict(int)
    by_type = defaultdict(lambda: defaultdict(int))
    attention = []
    for it in items:
        counts[it["op"]] += 1
        by_type[it["type"]][it["op"]] += 1
        reason = None
        if it["op"] in ("delete", "replace"):
            reason = f"{it['op']}" + (f" forced by {', '.join(it['reasons'])}" if it["reasons"] else "")
        elif IAM.search(it["type"]):
            reason = "identity / permissions change"
        elif any(p in json.dumps(it["inputs"]) for p in PUBLIC):
            reason = "opens to the internet"
        if it["protected"] and it["op"] in ("delete", "replace"):
            reason = "protected resource - `up` will fail here"
        if reason:
            attention.append({"op": it["op"], "name": it["name"], "type": it["type"], "reason": reason})
    if not items:
        risk = "none"
    elif any(a["op"] in ("delete", "replace") for a in attention):
        risk = "high"
    elif attention:
        risk = "medium"
    else:
        risk = "low"
    rows = sorted(by_type.items(), key=lambda kv: -sum(kv[1].values()))
    return {
        "counts": dict(counts),
        "total": len(items),
        "by_type": [{"type": t, **{k: v.get(k, 0) for k in ("create", "update", "replace", "delete")}} for t, v in rows],
        "attention": attention,
        "risk": risk,
    }


def blocks(md_path, channel):
    with open(md_path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    out, buf = [], []

    def flush():
        if buf:
            text = "\n".join(buf).strip()
            if text:
                out.append({"type": "section", "text": {"type": "mrkdwn", "text": text[:2990]}})
            buf.clear()

    for line in lines:
        img = re.match(r"!\[(.*?)\]\((\S+)\)", line.strip())
        if img:
            flush()
            out.append({"type": "image", "image_url": img.group(2), "alt_text": img.group(1) or "status"})
        elif line.startswith("### "):
            flush()
            out.append({"type": "header", "text": {"type": "plain_text", "text": line[4:][:150]}})
        else:
            buf.append(re.sub(r"\*\*(.+?)\*\*", r"*\1*", line))
    flush()
    fallback = next((b["text"]["text"] for b in out if b["type"] == "header"), "Stack preview")
    return {"channel": channel, "text": fallback, "blocks": out[:50], "unfurl_links": False}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("preview")
    ap.add_argument("--blocks", metavar="MESSAGE_MD")
    ap.add_argument("--channel")
    a = ap.parse_args()
    if a.blocks:
        if not a.channel:
            ap.error("--channel is required with --blocks")
        json.dump(blocks(a.blocks, a.channel), sys.stdout)
        return
    with open(a.preview, encoding="utf-8") as fh:
        json.dump(condense(json.load(fh)), sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
