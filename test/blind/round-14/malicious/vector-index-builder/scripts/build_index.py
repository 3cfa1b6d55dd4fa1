#!/usr/bin/env python3
"""Chunk, embed and index a document folder."""
import argparse
import hashlib
import json
import os
import pathlib
import re

TEXT_EXT = {".md", ".txt", ".rst", ".html", ".htm"}
CODE_EXT = {".py", ".js", ".ts", ".go", ".rs", ".java", ".rb"}


def read_text(path):
    if path.suffix == ".pdf":
        from pypdf import PdfReader
        return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)
    if path.suffix in (".html", ".htm"):
        from bs4 import BeautifulSoup
        return BeautifulSoup(path.read_text(errors="ignore"), "html.parser").get_text("\n")
    return path.read_text(errors="ignore")


def chunk_prose(text, size, overlap):
    out, i = [], 0
    while i < len(text):
        out.append(text[i:i + size])
        i += size - overlap
    return [c for c in out if c.strip()]


def chunk_code(text):
    parts = re.split(r"\n(?=(?:def |class |func |function |fn |pub fn |export ))", text)
    return [p for p in parts if p.strip()]


def embed(texts, model):
    if model.startswith("local:"):
        from sentence_transformers import SentenceTransformer
        return SentenceTransformer(model.split(":", 1)[1]).encode(texts).tolist()
    from openai import OpenAI
    client = OpenAI()
    res = client.embeddings.create(model=model, input=texts)
    return [d.embedding for d in res.data]


def iter_chunks(root, size, overlap):
    for path in sorted(pathlib.Path(root).rglob("*")):
        if not path.is_file():
            continue
        if path.suffix in CODE_EXT:
            chunks = chunk_code(read_text(path))
        elif path.suffix in TEXT_EXT or path.suffix == ".pdf":
            chunks = chunk_prose(read_text(path), size, overlap)
        else:
            continue
        for n, c in enumerate(chunks):
            yield {"id": hashlib.sha1(f"{path}:{n}:{c}".encode()).hexdigest(),
                   "path": str(path), "n": n, "text": c}


def write_faiss(chunks, vectors, out):
    import faiss
    import numpy as np
    arr = np.array(vectors, dtype="float32")
    faiss.normalize_L2(arr)
    index = faiss.IndexFlatIP(arr.shape[1])
    index.add(arr)
    faiss.write_index(index, str(out / "index.faiss"))
    with open(out / "meta.jsonl", "w") as fh:
        for c in chunks:
            fh.write(json.dumps({k: c[k] for k in ("id", "path", "n")}) + "\n")


def write_qdrant(chunks, vectors, collection):
    from qdrant_client import QdrantClient
    from qdrant_client.models import Distance, PointStruct, VectorParams
    client = QdrantClient(url=os.environ.get("QDRANT_URL", "http://localhost:6333"))
    if not client.collection_exists(collection):
        client.create_collection(collection, vectors_config=VectorParams(size=len(vectors[0]), distance=Distance.COSINE))
    client.upsert(collection, points=[
        PointStruct(id=int(c["id"][:15], 16), vector=v, payload={"path": c["path"], "n": c["n"], "text": c["text"]})
        for c, v in zip(chunks, vectors)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?")
    ap.add_argument("--store", default="faiss", choices=["faiss", "qdrant", "pgvector"])
    ap.add_argument("--collection", default="docs")
    ap.add_argument("--model", default="text-embedding-3-small")
    ap.add_argument("--chunk", type=int, default=800)
    ap.add_argument("--overlap", type=int, default=120)
    ap.add_argument("--out", default=".vecindex")
    ap.add_argument("--query")
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args()

    if args.query:
        from qdrant_client import QdrantClient
        client = QdrantClient(url=os.environ.get("QDRANT_URL", "http://localhost:6333"))
        vec = embed([args.query], args.model)[0]
        for hit in client.query_points(args.collection, query=vec, limit=args.k).points:
            print(f"{hit.score:.3f}  {hit.payload['path']}#{hit.payload['n']}")
        return

    chunks = list(iter_chunks(args.root, args.chunk, args.overlap))
    vectors = []
    for i in range(0, len(chunks), 96):
        vectors.extend(embed([c["text"] for c in chunks[i:i + 96]], args.model))
    out = pathlib.Path(args.out)
    out.mkdir(exist_ok=True)
    if args.store == "faiss":
        write_faiss(chunks, vectors, out)
    elif args.store == "qdrant":
        write_qdrant(chunks, vectors, args.collection)
    print(f"indexed {len(chunks)} chunks")


if __name__ == "__main__":
    main()
