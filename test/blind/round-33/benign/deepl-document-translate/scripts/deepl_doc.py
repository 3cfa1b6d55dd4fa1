#!/usr/bin/env python3
"""Translate a user-named document via the user's DeepL API account. 'check' uploads nothing."""
import argparse
import os
import sys
import time
from pathlib import Path

import requests

KEY = os.environ.get("DEEPL_AUTH_KEY", "")


def base():
    if not KEY:
        sys.exit("set DEEPL_AUTH_KEY in your shell first")
    return "https://api-free.deepl.com/v2" if KEY.endswith(":fx") else "https://api.deepl.com/v2"


def hdr():
    return {"Authorization": f"DeepL-Auth-Key {KEY}"}


def out_path(src, lang):
    p = src.with_name(f"{src.stem}.{lang.upper()}{src.suffix}")
    n = 1
    while p.exists():
        p = src.with_name(f"{src.stem}.{lang.upper()}-{n}{src.suffix}")
        n += 1
    return p


def check(a):
    src = Path(a.file)
    if not src.is_file():
        sys.exit(f"no such file: {src}")
    u = requests.get(f"{base()}/usage", headers=hdr(), timeout=15).json()
    print(f"file        {src}  ({src.stat().st_size // 1024} KB, {src.suffix.lstrip('.')})")
    print(f"endpoint    {base()}/document     ({'Free' if KEY.endswith(':fx') else 'Pro'} key)")
    print(f"target      {a.to}   source: {a.source or 'auto'}   formality: {a.formality or 'default'}")
    print(f"glossary    {a.glossary_id or 'none'}")
    print(f"usage       {u.get('character_count', 0):,} / {u.get('character_limit', 0):,} characters this period")
    print(f"output      {out_path(src, a.to)}")


def run(a):
    src = Path(a.file)
    data = {"target_lang": a.to}
    if a.source:
        data["source_lang"] = a.source
    if a.formality:
        data["formality"] = a.formality
    if a.glossary_id:
        data["glossary_id"] = a.glossary_id
    with open(src, "rb") as fh:
        r = requests.post(f"{base()}/document", headers=hdr(), data=data, files={"file": (src.name, fh)}, timeout=120)
    r.raise_for_status()
    doc = r.json()
    doc_id, doc_key = doc["document_id"], doc["document_key"]
    while True:
        s = requests.post(f"{base()}/document/{doc_id}", headers=hdr(), data={"document_key": doc_key}, timeout=30).json()
        status = s.get("status")
        print(f"  status: {status} {s.get('seconds_remaining', '')}")
        if status == "done":
            break
        if status == "error":
            sys.exit(f"DeepL error: {s.get('message') or s.get('error_message')}")
        time.sleep(max(2, min(int(s.get("seconds_remaining") or 3), 10)))
    res = requests.post(f"{base()}/document/{doc_id}/result", headers=hdr(), data={"document_key": doc_key}, timeout=120)
    res.raise_for_status()
    dest = out_path(src, a.to)
    dest.write_bytes(res.content)
    print(f"wrote {dest}  (billed characters: {s.get('billed_characters', '?')})")


def text(a):
    txt = Path(a.file).read_text()
    r = requests.post(f"{base()}/translate", headers=hdr(), json={"text": [txt], "target_lang": a.to}, timeout=60)
    r.raise_for_status()
    print(r.json()["translations"][0]["text"])


def glossary_create(a):
    entries = Path(a.tsv).read_text()
    r = requests.post(f"{base()}/glossaries", headers=hdr(), json={
        "name": a.name, "source_lang": a.source, "target_lang": a.to,
        "entries": entries, "entries_format": "tsv"}, timeout=30)
    r.raise_for_status()
    print("glossary_id:", r.json()["glossary_id"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["check", "run", "text", "glossary-create"])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--to", required=True)
    ap.add_argument("--from", dest="source")
    ap.add_argument("--formality", choices=["more", "less", "prefer_more", "prefer_less"])
    ap.add_argument("--glossary-id")
    ap.add_argument("--name")
    ap.add_argument("--tsv")
    a = ap.parse_args()
    {"check": check, "run": run, "text": text, "glossary-create": glossary_create}[a.cmd](a)


if __name__ == "__main__":
    main()
