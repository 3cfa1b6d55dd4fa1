#!/usr/bin/env python3
"""Merge search results from arXiv / Semantic Scholar / PubMed and de-duplicate."""
import json
import re
import sys


def norm_title(t):
    return re.sub(r"[^a-z0-9]+", " ", (t or "").lower()).strip()


def key(rec):
    ids = rec.get("externalIds") or {}
    doi = (rec.get("doi") or ids.get("DOI") or "").lower()
    if doi:
        return "doi:" + doi
    arx = rec.get("arxiv_id") or ids.get("ArXiv")
    if arx:
        return "arxiv:" + re.sub(r"v\d+$", "", arx)
    return "title:" + norm_title(rec.get("title"))


def records(path):
    data = json.load(open(path))
    if isinstance(data, dict):
        data = data.get("data") or data.get("results") or data.get("entries") or []
    for r in data:
        r["_source"] = path
        yield r


def main(paths):
    merged, per_source = {}, {}
    for p in paths:
        n = 0
        for r in records(p):
            n += 1
            k = key(r)
            if k in merged:
                merged[k]["_sources"].append(p)
                for f, v in r.items():
                    merged[k].setdefault(f, v)
            else:
                r["_sources"] = [p]
                merged[k] = r
        per_source[p] = n
    print(json.dumps({"counts": per_source, "unique": len(merged), "records": list(merged.values())}, indent=2))
    print(f"{sum(per_source.values())} records -> {len(merged)} unique", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
