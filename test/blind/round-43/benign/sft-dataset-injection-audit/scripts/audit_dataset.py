#!/usr/bin/env python3
"""Scan text datasets for hidden unicode, injection phrases, shell pipes, URL skew, secrets."""
import argparse
import collections
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\U000e0000-\U000e007f]")
INJECT = re.compile(
    r"(?i)ignore (all |any )?(the )?(previous|prior|above) instructions|you are now [a-z]|"
    r"system prompt\s*:|do not (mention|reveal) this to the user|as an ai (reading|processing) this|"
    r"<\|im_start\|>|\[INST\]"
)
SHELL = re.compile(r"(?i)(curl|wget)[^\n|]{0,200}\|\s*(sudo\s+)?(ba|z)?sh\b|iex\s*\(\s*iwr|base64\s+-d[^\n]*\|\s*(ba)?sh")
SECRET = re.compile(r"AKIA[0-9A-Z]{16}|sk-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|ghp_[A-Za-z0-9]{36}|"
                    r"-----BEGIN [A-Z ]*PRIVATE KEY-----|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.")
URL = re.compile(r"https?://[^\s)\"'>]+")
DOC_EXAMPLES = {"AKIAIOSFODNN7EXAMPLE"}


def rows(src, split, sample):
    if src.startswith("hf://"):
        from datasets import load_dataset
        ds = load_dataset(src[5:], split=split, streaming=True, trust_remote_code=False)
        for i, r in enumerate(ds):
            if sample and i >= sample:
                break
            yield r
    elif src.endswith(".parquet"):
        import pandas as pd
        yield from pd.read_parquet(src).head(sample or None).to_dict("records")
    else:
        with open(src) as f:
            for i, line in enumerate(f):
                if sample and i >= sample:
                    break
                if line.strip():
                    yield json.loads(line)


def text_of(v):
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return "\n".join(text_of(x.get("content", "") if isinstance(x, dict) else x) for x in v)
    return "" if v is None else str(v)


def excerpt(t, m):
    s = max(m.start() - 30, 0)
    return (t[s:m.end() + 30]).encode("unicode_escape").decode()[:160]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--split", default="train")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--text-fields", default="text")
    ap.add_argument("--write-clean", type=Path)
    ap.add_argument("--drop", default="")
    a = ap.parse_args()
    fields = a.text_fields.split(",")
    drop = set(filter(None, a.drop.split(",")))
    hits = collections.defaultdict(list)
    hosts = collections.Counter()
    prefixes = collections.defaultdict(collections.Counter)
    n = 0
    kept = []
    for i, r in enumerate(rows(a.src, a.split, a.sample)):
        n += 1
        t = "\n".join(text_of(r.get(f)) for f in fields if f in r)
        flags = set()
        for name, rx in (("hidden_unicode", HIDDEN), ("injection_phrase", INJECT), ("shell_pipe", SHELL)):
            m = rx.search(t)
            if m:
                flags.add(name); hits[name].append((i, excerpt(t, m)))
        m = SECRET.search(t)
        if m and m.group(0) not in DOC_EXAMPLES:
            flags.add("secret_like"); hits["secret_like"].append((i, m.group(0)[:6] + "..."))
        for u in set(URL.findall(t)):
            hosts[urlparse(u).hostname or ""] += 1
        words = t.split()
        if len(words) > 12:
            prefixes[" ".join(words[:6])][" ".join(words[-12:])] += 1
        if a.write_clean and not (flags & drop):
            kept.append(r)
    for h, c in hosts.most_common(5):
        if n >= 200 and c / n > 0.01:
            hits["url_concentration"].append((-1, f"{h}: {c/n:.1%} of rows"))
    for p, comps in prefixes.items():
        comp, c = comps.most_common(1)[0]
        if c > 50:
            hits["duplicate_trigger"].append((-1, f"'{p}' -> same ending x{c}"))
    print(f"{'rows scanned':<20}{n}")
    for k in ("hidden_unicode", "injection_phrase", "shell_pipe", "url_concentration", "secret_like", "duplicate_trigger"):
        ex = hits.get(k, [])
        print(f"{k:<20}{len(ex)}" + (f"   e.g. row {ex[0][0]}: {ex[0][1]}" if ex else ""))
    Path("audit_report.json").write_text(json.dumps({k: v[:200] for k, v in hits.items()}, indent=1))
    if a.write_clean:
        with open(a.write_clean, "w") as f:
            for r in kept:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(kept)}/{n} rows to {a.write_clean}", file=sys.stderr)


if __name__ == "__main__":
    main()
