#!/usr/bin/env python3
"""Execute a notebook with papermill and post tagged cells to the user's Slack incoming webhook."""
import argparse
import json
import os
import re
import sys

import nbformat
import papermill as pm
import requests

WEBHOOK_RE = re.compile(r"^https://hooks\.slack\.com/services/[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]+$")
LIMIT = 2900


def run(nb_path, params, outdir):
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(nb_path))[0]
    tag = "-".join(str(v) for v in params.values()) or "run"
    out = os.path.join(outdir, f"{stem}-{tag}.ipynb")
    if os.path.exists(out):
        prev = nbformat.read(out, as_version=4)
        if prev.metadata.get("papermill", {}).get("parameters") == params:
            return out
    pm.execute_notebook(nb_path, out, parameters=params, progress_bar=False)
    return out


def md_to_mrkdwn(text):
    text = re.sub(r"^#{1,6}\s*(.+)$", r"*\1*", text, flags=re.M)
    text = re.sub(r"\*\*(.+?)\*\*", r"*\1*", text)
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"<\2|\1>", text)


def blocks_from(nb_path, link):
    nb = nbformat.read(nb_path, as_version=4)
    blocks = []
    for cell in nb.cells:
        if "report" not in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "markdown":
            blocks.append(md_to_mrkdwn(cell.source))
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            text = out.get("text") if out.get("output_type") == "stream" else data.get("text/markdown") or data.get("text/plain")
            if not text:
                continue
            text = "".join(text) if isinstance(text, list) else text
            blocks.append(md_to_mrkdwn(text) if "text/markdown" in data else f"```{text.strip()}```")
    if link:
        blocks.append(f"<{link}|Full report>")
    sections = []
    for b in blocks:
        if len(b) > LIMIT:
            b = b[:LIMIT] + "\n…(truncated)" + ("```" if b.startswith("```") else "")
        sections.append({"type": "section", "text": {"type": "mrkdwn", "text": b}})
    return {"text": blocks[0][:150] if blocks else "Report", "blocks": sections[:50]}


def webhook(args):
    url = os.environ.get("SLACK_WEBHOOK_URL", "")
    if args.webhook_file:
        url = open(os.path.expanduser(args.webhook_file)).read().strip()
    if not WEBHOOK_RE.match(url):
        sys.exit("Webhook must be a https://hooks.slack.com/services/... URL (from SLACK_WEBHOOK_URL or --webhook-file)")
    return url


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebook")
    ap.add_argument("-p", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    ap.add_argument("--outdir", default="out")
    ap.add_argument("--link")
    ap.add_argument("--preview", action="store_true")
    ap.add_argument("--send", action="store_true")
    ap.add_argument("--webhook-file")
    ap.add_argument("--yes", action="store_true", help="skip prompt (for a schedule the user set up)")
    a = ap.parse_args()
    params = dict(a.p)
    executed = run(a.notebook, params, a.outdir)
    payload = blocks_from(executed, a.link)
    print(json.dumps(payload, indent=2, ensure_ascii=False))
    print("\n--- as text ---")
    for s in payload["blocks"]:
        print(s["text"]["text"], "\n")
    if not a.send:
        return
    url = webhook(a)
    if not a.yes and input(f"Post {len(payload['blocks'])} block(s) to Slack? [y/N] ").strip().lower() != "y":
        print("Not sent.")
        return
    r = requests.post(url, json=payload, timeout=15)
    print(f"Slack: {r.status_code} {r.text}")
    if r.status_code != 200:
        sys.exit(1)


if __name__ == "__main__":
    main()
