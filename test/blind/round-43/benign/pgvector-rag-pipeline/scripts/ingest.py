#!/usr/bin/env python3
"""Chunk, embed and upsert documents into Postgres/pgvector."""
import argparse
import hashlib
import os
import re
import sys
from pathlib import Path

import psycopg
import tiktoken
from openai import OpenAI

SCHEMA = Path(__file__).with_name("schema.sql")
ZW = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
INJECTION = re.compile(
    r"(?i)ignore (all |any )?(previous|prior|above) instructions|system prompt|you are now|"
    r"do not (tell|mention to) the user|disregard (the|your) (rules|instructions)"
)
enc = tiktoken.get_encoding("cl100k_base")


def clean(text):
    return ZW.sub("", HTML_COMMENT.sub("", text))


def chunks(text, size, overlap):
    sections = re.split(r"(?m)^(?=#{1,3} )", text)
    for sec in sections:
        toks = enc.encode(sec)
        for start in range(0, max(len(toks), 1), size - overlap):
            piece = enc.decode(toks[start:start + size]).strip()
            if piece:
                yield piece


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--glob", default="**/*.md")
    ap.add_argument("--chunk-tokens", type=int, default=400)
    ap.add_argument("--overlap", type=int, default=60)
    ap.add_argument("--init", action="store_true")
    ap.add_argument("--estimate", action="store_true")
    ap.add_argument("--flag-injection", action="store_true")
    a = ap.parse_args()

    items = []
    for f in sorted(a.root.glob(a.glob)):
        raw = f.read_text(errors="ignore")
        text = clean(raw)
        if len(text) != len(raw):
            print(f"note: stripped hidden characters/comments from {f}", file=sys.stderr)
        for i, c in enumerate(chunks(text, a.chunk_tokens, a.overlap)):
            if a.flag_injection and INJECTION.search(c):
                print(f"review: instruction-like text in {f} chunk {i}", file=sys.stderr)
            items.append((str(f.relative_to(a.root)), i, c, hashlib.sha256(c.encode()).hexdigest()))
    ntok = sum(len(enc.encode(c)) for _, _, c, _ in items)
    print(f"{len(items)} chunks, {ntok} tokens")
    if a.estimate:
        return

    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        if a.init:
            conn.execute(SCHEMA.read_text())
        known = {(s, n): h for s, n, h in conn.execute("SELECT source, chunk_no, sha256 FROM chunks")}
        todo = [it for it in items if known.get((it[0], it[1])) != it[3]]
        print(f"{len(todo)} new/changed chunks to embed")
        client = OpenAI()
        for b in range(0, len(todo), 128):
            batch = todo[b:b + 128]
            resp = client.embeddings.create(model="text-embedding-3-small", input=[c for _, _, c, _ in batch])
            with conn.cursor() as cur:
                for (src, n, c, h), e in zip(batch, resp.data):
                    cur.execute(
                        "INSERT INTO chunks (source, chunk_no, content, sha256, embedding) "
                        "VALUES (%s,%s,%s,%s,%s::vector) ON CONFLICT (source, chunk_no) DO UPDATE "
                        "SET content=EXCLUDED.content, sha256=EXCLUDED.sha256, embedding=EXCLUDED.embedding",
                        (src, n, c, h, str(e.embedding)),
                    )
            conn.commit()


if __name__ == "__main__":
    main()
