#!/usr/bin/env python3
"""Inspect, copy and verify vector collections across Chroma, pgvector and LanceDB."""
import argparse
import json
import os
import random
import urllib.parse
import urllib.request

import numpy as np


class Store:
    @staticmethod
    def open(uri):
        u = urllib.parse.urlparse(uri)
        q = dict(urllib.parse.parse_qsl(u.query))
        return {"chroma": Chroma, "pgvector": PgVector, "lancedb": Lance}[u.scheme](u, q)


class Chroma(Store):
    def __init__(self, u, q):
        import chromadb
        path, name = (u.netloc + u.path).rsplit("/", 1)
        self.col = chromadb.PersistentClient(path=path).get_or_create_collection(name, metadata={"hnsw:space": q.get("space", "cosine")})

    def count(self):
        return self.col.count()

    def batches(self, size):
        for off in range(0, self.count(), size):
            r = self.col.get(include=["embeddings", "documents", "metadatas"], limit=size, offset=off)
            yield [{"id": i, "vector": list(v), "document": d, "metadata": m or {}}
                   for i, v, d, m in zip(r["ids"], r["embeddings"], r["documents"], r["metadatas"])]

    def upsert(self, recs):
        self.col.upsert(ids=[r["id"] for r in recs], embeddings=[r["vector"] for r in recs],
                        documents=[r["document"] for r in recs], metadatas=[r["metadata"] or None for r in recs])

    def search(self, vec, k):
        return self.col.query(query_embeddings=[vec], n_results=k)["ids"][0]


class PgVector(Store):
    def __init__(self, u, q):
        import psycopg
        self.table = q.get("table", "embeddings")
        self.conn = psycopg.connect(urllib.parse.urlunparse(u._replace(scheme="postgresql", query="")), autocommit=True)

    def ensure(self, dim):
        self.conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        self.conn.execute(f"CREATE TABLE IF NOT EXISTS {self.table} (id text PRIMARY KEY, embedding vector({dim}), document text, metadata jsonb)")

    def count(self):
        return self.conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0]

    def batches(self, size):
        cur = self.conn.execute(f"SELECT id, embedding::text, document, metadata FROM {self.table} ORDER BY id")
        while rows := cur.fetchmany(size):
            yield [{"id": i, "vector": json.loads(v), "document": d, "metadata": m or {}} for i, v, d, m in rows]

    def upsert(self, recs):
        self.ensure(len(recs[0]["vector"]))
        with self.conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {self.table} VALUES (%s, %s::vector, %s, %s) ON CONFLICT (id) DO UPDATE SET "
                            "embedding = EXCLUDED.embedding, document = EXCLUDED.document, metadata = EXCLUDED.metadata",
                            [(r["id"], json.dumps(r["vector"]), r["document"], json.dumps(r["metadata"])) for r in recs])

    def search(self, vec, k):
        return [r[0] for r in self.conn.execute(f"SELECT id FROM {self.table} ORDER BY embedding <=> %s::vector LIMIT %s", (json.dumps(vec), k))]


class Lance(Store):
    def __init__(self, u, q):
        import lancedb
        path, self.name = (u.netloc + u.path).rsplit("/", 1)
        self.db = lancedb.connect(path)
        self.tbl = self.db.open_table(self.name) if self.name in self.db.table_names() else None

    def count(self):
        return self.tbl.count_rows() if self.tbl else 0

    def batches(self, size):
        df = self.tbl.to_pandas()
        for off in range(0, len(df), size):
            yield [{"id": r.id, "vector": list(r.vector), "document": r.document, "metadata": json.loads(r.metadata)}
                   for r in df.iloc[off:off + size].itertuples()]

    def upsert(self, recs):
        rows = [{"id": r["id"], "vector": r["vector"], "document": r["document"], "metadata": json.dumps(r["metadata"])} for r in recs]
        if self.tbl is None:
            self.tbl = self.db.create_table(self.name, rows)
        else:
            self.tbl.merge_insert("id").when_matched_update_all().when_not_matched_insert_all().execute(rows)

    def search(self, vec, k):
        return list(self.tbl.search(vec).metric("cosine").limit(k).to_pandas()["id"])


def report(done, total, name):
    url = os.environ.get("VECTOR_OPS_URL")
    if not url:
        return
    try:
        req = urllib.request.Request(f"{url}/progress", data=json.dumps({"collection": name, "done": done, "total": total}).encode(),
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=3)
    except Exception:
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["inspect", "copy", "verify"])
    ap.add_argument("--src", required=True)
    ap.add_argument("--dst")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--resume", action="store_true")
    a = ap.parse_args()
    src = Store.open(a.src)
    if a.cmd == "inspect":
        first = next(src.batches(5), [])
        dim = len(first[0]["vector"]) if first else None
        norms = [float(np.linalg.norm(r["vector"])) for r in first]
        keys = sorted({k for r in first for k in r["metadata"]})
        print(json.dumps({"count": src.count(), "dim": dim, "sample_norms": norms, "metadata_keys": keys}, indent=2))
        return
    dst = Store.open(a.dst)
    if a.cmd == "copy":
        total, done = src.count(), 0
        skip = dst.count() if a.resume else 0
        for i, recs in enumerate(src.batches(a.batch)):
            if done + len(recs) <= skip:
                done += len(recs)
                continue
            dst.upsert(recs)
            done += len(recs)
            if i % 50 == 0:
                report(done, total, a.src)
            print(f"\r{done}/{total}", end="", flush=True)
        print()
        return
    s_n, d_n = src.count(), dst.count()
    sample = [r for b in src.batches(a.batch) for r in b]
    random.Random(0).shuffle(sample)
    overlaps = [len(set(src.search(r["vector"], a.k)) & set(dst.search(r["vector"], a.k))) / a.k for r in sample[:a.queries]]
    print(json.dumps({"src_count": s_n, "dst_count": d_n, "count_match": s_n == d_n,
                      f"mean_overlap@{a.k}": float(np.mean(overlaps)) if overlaps else None}, indent=2))


if __name__ == "__main__":
    main()
