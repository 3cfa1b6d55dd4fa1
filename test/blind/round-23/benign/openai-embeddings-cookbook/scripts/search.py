#!/usr/bin/env python3
"""Query an index built by embed_corpus.py, or list near-duplicate chunks."""
import argparse
import json
import sys
from pathlib import Path

import numpy as np


def load(index: Path):
    manifest = json.loads((index / "manifest.json").read_text())
    vectors = np.load(index / "vectors.npy")
    chunks = [json.loads(l) for l in (index / "chunks.jsonl").open(encoding="utf-8")]
    return manifest, vectors, chunks


def embed_query(manifest, text):
    from openai import OpenAI
    client = OpenAI()
    kwargs = {"model": manifest["model"], "input": [text]}
    if manifest.get("requested_dimensions"):
        kwargs["dimensions"] = manifest["requested_dimensions"]
    v = np.asarray(client.embeddings.create(**kwargs).data[0].embedding, dtype=np.float32)
    if v.shape[0] != manifest["dimensions"]:
        sys.exit("query vector size does not match the index; rebuild the index or fix the model")
    return v / max(np.linalg.norm(v), 1e-12)


def near_duplicates(vectors, chunks, threshold, limit=200):
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, 0)
    i, j = np.where(np.triu(sims) >= threshold)
    order = np.argsort(-sims[i, j])[:limit]
    for k in order:
        a, b = chunks[i[k]], chunks[j[k]]
        if a["path"] == b["path"] and abs(a["lines"][0] - b["lines"][0]) < 5:
            continue  # overlapping windows of the same section
        print(f"{sims[i[k], j[k]]:.3f}  {a['path']}:{a['lines'][0]}  <->  {b['path']}:{b['lines'][0]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("index", type=Path)
    ap.add_argument("query", nargs="?")
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--near-duplicates", type=float, metavar="THRESHOLD")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    manifest, vectors, chunks = load(args.index)
    if args.near_duplicates:
        near_duplicates(vectors, chunks, args.near_duplicates)
        return
    if not args.query:
        ap.error("give a query or --near-duplicates")
    q = embed_query(manifest, args.query)
    scores = vectors @ q
    top = np.argsort(-scores)[: args.k]
    results = [{"score": float(scores[i]), **chunks[i]} for i in top]
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for r in results:
        print(f"{r['score']:.3f}  {r['path']}:{r['lines'][0]}-{r['lines'][1]}  [{r['headings']}]")
        print("       " + r["text"][:200].replace("\n", " ") + "\n")


if __name__ == "__main__":
    main()
