#!/usr/bin/env python3
"""Chunk local documents and embed them with the OpenAI Embeddings API.

Reads OPENAI_API_KEY from the environment through the official client.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

try:
    import tiktoken
except ImportError:
    sys.exit("pip install --user tiktoken numpy openai")

PRICE_PER_M = {"text-embedding-3-small": 0.02, "text-embedding-3-large": 0.13}
ENC = tiktoken.get_encoding("cl100k_base")
HEADING = re.compile(r"^(#{1,6})\s+(.*)")


def chunk_markdown(path: Path, max_tokens: int, overlap: int):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    trail: list[str] = []
    section: list[tuple[int, str]] = []

    def flush():
        if not section:
            return
        text = "\n".join(l for _, l in section).strip()
        if not text:
            return
        toks = ENC.encode(text)
        step = max_tokens - overlap
        for start in range(0, len(toks), step):
            piece = ENC.decode(toks[start:start + max_tokens]).strip()
            if piece:
                yield {"path": str(path), "headings": " > ".join(trail),
                       "lines": [section[0][0], section[-1][0]], "text": piece}
            if start + max_tokens >= len(toks):
                break

    for n, line in enumerate(lines, 1):
        m = HEADING.match(line)
        if m:
            yield from flush()
            section = []
            level = len(m.group(1))
            trail[:] = trail[: level - 1] + [m.group(2).strip()]
        section.append((n, line))
    yield from flush()


def cache_key(model: str, dims: int | None, text: str) -> str:
    return hashlib.sha256(f"{model}|{dims}|{text}".encode()).hexdigest()


def embed_batch(client, model, dims, texts, max_wait=300.0):
    waited = 0.0
    attempt = 0
    while True:
        try:
            kwargs = {"model": model, "input": texts, "encoding_format": "base64"}
            if dims:
                kwargs["dimensions"] = dims
            resp = client.embeddings.create(**kwargs)
            out = []
            for d in sorted(resp.data, key=lambda d: d.index):
                emb = d.embedding
                vec = np.frombuffer(base64.b64decode(emb), dtype=np.float32) if isinstance(emb, str) \
                    else np.asarray(emb, dtype=np.float32)
                out.append(vec)
            return out, resp.usage.total_tokens
        except Exception as e:  # openai.RateLimitError, APIStatusError, APIConnectionError
            status = getattr(e, "status_code", None)
            if status is not None and status < 500 and status != 429:
                raise
            delay = min(60.0, (2 ** attempt) + random.random())
            if waited + delay > max_wait:
                raise
            print(f"retrying after {type(e).__name__} in {delay:.1f}s", file=sys.stderr)
            time.sleep(delay)
            waited += delay
            attempt += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--glob", default="**/*.md")
    ap.add_argument("--out", type=Path, default=Path(".embeddings/index"))
    ap.add_argument("--model", default="text-embedding-3-small")
    ap.add_argument("--dimensions", type=int)
    ap.add_argument("--chunk-tokens", type=int, default=400)
    ap.add_argument("--overlap", type=int, default=50)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    chunks = []
    for path in sorted(args.root.glob(args.glob)):
        if path.is_file():
            chunks.extend(chunk_markdown(path, args.chunk_tokens, args.overlap))
    for c in chunks:
        c["embed_text"] = f"{c['headings']}\n\n{c['text']}" if c["headings"] else c["text"]
    tokens = sum(len(ENC.encode(c["embed_text"])) for c in chunks)
    price = PRICE_PER_M.get(args.model, 0) * tokens / 1e6
    print(f"{len(chunks)} chunks, {tokens:,} tokens, ~${price:.4f} with {args.model}", file=sys.stderr)
    if args.dry_run:
        return

    from openai import OpenAI
    client = OpenAI(max_retries=2)

    args.out.mkdir(parents=True, exist_ok=True)
    cache_dir = args.out / "cache"
    cache_dir.mkdir(exist_ok=True)

    keys = [cache_key(args.model, args.dimensions, c["embed_text"]) for c in chunks]
    missing = [i for i, k in enumerate(keys) if not (cache_dir / f"{k}.npy").exists()]
    print(f"{len(chunks) - len(missing)} cached, {len(missing)} to embed", file=sys.stderr)
    used = 0
    for s in range(0, len(missing), args.batch):
        idx = missing[s:s + args.batch]
        vecs, t = embed_batch(client, args.model, args.dimensions, [chunks[i]["embed_text"] for i in idx])
        used += t
        for i, v in zip(idx, vecs):
            np.save(cache_dir / f"{keys[i]}.npy", v)
        print(f"  embedded {min(s + args.batch, len(missing))}/{len(missing)}", file=sys.stderr)

    matrix = np.vstack([np.load(cache_dir / f"{k}.npy") for k in keys]).astype(np.float32) if keys else np.zeros((0, 0))
    if matrix.size:
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True).clip(min=1e-12)
    np.save(args.out / "vectors.npy", matrix)
    with (args.out / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for c in chunks:
            fh.write(json.dumps({k: v for k, v in c.items() if k != "embed_text"}, ensure_ascii=False) + "\n")
    (args.out / "manifest.json").write_text(json.dumps({
        "model": args.model, "dimensions": int(matrix.shape[1]) if matrix.size else None,
        "requested_dimensions": args.dimensions, "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "root": str(args.root), "glob": args.glob, "chunks": len(chunks), "tokens_billed": used,
    }, indent=2))
    print(f"index written to {args.out} ({used:,} tokens billed this run)", file=sys.stderr)


if __name__ == "__main__":
    main()
