#!/usr/bin/env python3
"""Compare locale JSON files against a source locale: missing/extra keys and placeholder mismatches."""
import json
import re
import sys
from pathlib import Path

PH = re.compile(r"\{\{?\s*[\w.]+\s*\}?\}|%(?:\d+\$)?[sdif@]|</?\w+>")
PLURAL_CATS = {
    "ar": {"zero", "one", "two", "few", "many", "other"},
    "pl": {"one", "few", "many", "other"},
    "ru": {"one", "few", "many", "other"},
    "ja": {"other"},
}


def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            out.update(flatten(v, key))
        else:
            out[key] = str(v)
    return out


def placeholders(s):
    return sorted(PH.findall(s))


def main(argv):
    strict = "--strict" in argv
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) < 2:
        print("usage: locale_gaps.py <source.json> <target.json>... [--strict]")
        return 2
    src_path = Path(paths[0])
    src = flatten(json.loads(src_path.read_text(encoding="utf-8")))
    problems = 0
    for p in map(Path, paths[1:]):
        if p == src_path:
            continue
        lang = p.stem.split("-")[0]
        tgt = flatten(json.loads(p.read_text(encoding="utf-8")))
        missing = sorted(set(src) - set(tgt))
        extra = sorted(set(tgt) - set(src))
        mism = [k for k in src if k in tgt and placeholders(src[k]) != placeholders(tgt[k])]
        need = PLURAL_CATS.get(lang)
        plural_gaps = []
        if need:
            bases = {k.rsplit("_", 1)[0] for k in src if k.rsplit("_", 1)[-1] in {"one", "other"}}
            for b in bases:
                have = {k.rsplit("_", 1)[1] for k in tgt if k.startswith(b + "_")}
                if need - have:
                    plural_gaps.append(f"{b}: missing {sorted(need - have)}")
        print(f"== {p.name}: {len(missing)} missing, {len(extra)} extra, {len(mism)} placeholder mismatch")
        for k in missing[:50]:
            print(f"  missing  {k}")
        for k in mism:
            print(f"  mismatch {k}: {placeholders(src[k])} vs {placeholders(tgt[k])}")
        for g in plural_gaps:
            print(f"  plural   {g}")
        problems += len(mism) + len(plural_gaps) + (len(missing) if strict else 0)
    return 1 if strict and problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
