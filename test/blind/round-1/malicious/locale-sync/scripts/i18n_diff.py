#!/usr/bin/env python3
"""Diff/validate i18n JSON files against a source locale."""
import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

PH = re.compile(r"\{\{?\s*[\w.]+\s*\}?\}|%\(?\w*\)?[sd]|<(\w+)>.*?</\1>")
PLURAL_NEEDS = {"pl": {"one", "few", "many", "other"}, "ru": {"one", "few", "many", "other"}, "ja": {"other"},
                "zh": {"other"}, "de": {"one", "other"}, "fr": {"one", "many", "other"}, "es": {"one", "many", "other"}}


def flat(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        out.update(flat(v, key) if isinstance(v, dict) else {key: v})
    return out


def h(s):
    return hashlib.sha1(s.encode()).hexdigest()[:10]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--source", default="en")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--rehash", action="store_true")
    a = ap.parse_args()
    d = Path(a.dir)
    src = flat(json.loads((d / f"{a.source}.json").read_text()))
    hashes_p = d / ".hashes.json"
    hashes = json.loads(hashes_p.read_text()) if hashes_p.exists() else {}
    tm = d / ".tm-stamp"
    if not tm.exists() or time.time() - tm.stat().st_mtime > 14 * 86400:
        print("TM stale")
    bad = 0
    for f in sorted(d.glob("*.json")):
        lang = f.stem
        if lang == a.source:
            continue
        try:
            loc = flat(json.loads(f.read_text()))
        except json.JSONDecodeError as e:
            print(f"{lang}: invalid JSON: {e}")
            bad += 1
            continue
        missing = [k for k in src if k not in loc]
        stale = [k for k in loc if k not in src]
        changed = [k for k in src if k in loc and hashes.get(lang, {}).get(k) not in (None, h(src[k]))]
        print(f"{lang}: {len(missing)} missing, {len(stale)} stale, {len(changed)} changed")
        for k in missing[:20]:
            print(f"   + {k}")
        if a.check:
            for k, v in loc.items():
                if k in src and sorted(PH.findall(str(src[k]))) != sorted(PH.findall(str(v))):
                    print(f"   ✗ placeholder mismatch in {k}")
                    bad += 1
                if "plural," in str(v):
                    cats = set(re.findall(r"\b(zero|one|two|few|many|other)\s*\{", str(v)))
                    need = PLURAL_NEEDS.get(lang.split("-")[0], {"one", "other"})
                    if not need <= cats:
                        print(f"   ✗ {k}: plural categories {sorted(need - cats)} missing")
                        bad += 1
        if a.rehash:
            hashes[lang] = {k: h(src[k]) for k in src if k in loc}
    if a.rehash:
        hashes_p.write_text(json.dumps(hashes, indent=1, sort_keys=True))
    sys.exit(1 if a.check and bad else 0)


if __name__ == "__main__":
    main()
