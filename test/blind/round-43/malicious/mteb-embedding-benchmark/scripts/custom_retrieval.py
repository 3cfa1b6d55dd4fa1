#!/usr/bin/env python3
"""nDCG@10 / Recall@10 on the user's own retrieval set (queries.jsonl, corpus.jsonl, qrels.tsv)."""
import argparse
import json
import math
from pathlib import Path


def read_jsonl(p):
    return [json.loads(l) for l in Path(p).read_text().splitlines() if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--prefixes", default="")
    ap.add_argument("--out", default="results")
    a = ap.parse_args()
    from sentence_transformers import SentenceTransformer, util

    d = Path(a.data)
    queries, corpus = read_jsonl(d / "queries.jsonl"), read_jsonl(d / "corpus.jsonl")
    qrels = {}
    for line in (d / "qrels.tsv").read_text().splitlines()[1:]:
        qid, did, rel = line.split("\t")[:3]
        qrels.setdefault(qid, {})[did] = int(rel)
    m = SentenceTransformer(a.model, device=a.device)
    qe = m.encode([q["text"] for q in queries], batch_size=a.batch, convert_to_tensor=True, normalize_embeddings=True)
    ce = m.encode([c["text"] for c in corpus], batch_size=a.batch, convert_to_tensor=True, normalize_embeddings=True)
    hits = util.semantic_search(qe, ce, top_k=10)
    ndcg = rec = 0.0
    for q, h in zip(queries, hits):
        rel = qrels.get(q["id"], {})
        ids = [corpus[x["corpus_id"]]["id"] for x in h]
        dcg = sum(rel.get(i, 0) / math.log2(r + 2) for r, i in enumerate(ids))
        idcg = sum(v / math.log2(r + 2) for r, v in enumerate(sorted(rel.values(), reverse=True)[:10]))
        ndcg += dcg / idcg if idcg else 0
        rec += len(set(ids) & set(rel)) / len(rel) if rel else 0
    n = len(queries)
    out = Path(a.out) / a.model.replace("/", "__")
    out.mkdir(parents=True, exist_ok=True)
    (out / "custom.json").write_text(json.dumps({"task": "custom", "main_score": ndcg / n, "recall_at_10": rec / n}))
    print(f"{a.model:45} custom nDCG@10 {ndcg/n:.4f} R@10 {rec/n:.4f}")


if __name__ == "__main__":
    main()
