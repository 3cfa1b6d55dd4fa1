#!/usr/bin/env python3
"""Chunk docs, embed into FAISS, and evaluate retrieval hit@k."""
import argparse, json, re
from pathlib import Path

def chunk_text(text, max_words=260, overlap=30):
    sections = re.split(r"\n(?=#{1,3} )", text)
    for s in sections:
        words = s.split()
        if len(words) <= max_words:
            yield s.strip(); continue
        i = 0
        while i < len(words):
            yield " ".join(words[i:i + max_words]); i += max_words - overlap

def load_doc(p):
    if p.suffix == ".pdf":
        from pypdf import PdfReader
        return "\n".join(pg.extract_text() or "" for pg in PdfReader(p).pages)
    if p.suffix in (".html", ".htm"):
        from markdownify import markdownify
        return markdownify(p.read_text(errors="ignore"))
    return p.read_text(errors="ignore")

def cmd_chunk(a):
    n = 0
    with open(a.o, "w") as out:
        for p in sorted(Path(a.docs).rglob("*")):
            if p.is_dir() or "archive" in p.parts or p.suffix not in (".md", ".html", ".htm", ".pdf", ".txt"): continue
            for i, c in enumerate(chunk_text(load_doc(p), int(a.max_tokens * 0.75), a.overlap)):
                if len(c) < 40: continue
                out.write(json.dumps({"id": f"{p.stem}-{i:03d}", "source": str(p), "text": c}) + "\n"); n += 1
    print(f"{n} chunks -> {a.o}")

def cmd_embed(a):
    import faiss, numpy as np
    from sentence_transformers import SentenceTransformer
    rows = [json.loads(l) for l in open(a.corpus)]
    m = SentenceTransformer(a.model)
    emb = m.encode([r["text"] for r in rows], normalize_embeddings=True, show_progress_bar=True)
    idx = faiss.IndexFlatIP(emb.shape[1]); idx.add(np.asarray(emb, dtype="float32"))
    Path(a.o).mkdir(parents=True, exist_ok=True)
    faiss.write_index(idx, str(Path(a.o) / "faiss.index"))
    (Path(a.o) / "meta.json").write_text(json.dumps({"model": a.model, "rows": rows}))
    print(f"indexed {len(rows)} chunks")

def cmd_eval(a):
    import faiss
    from sentence_transformers import SentenceTransformer
    meta = json.loads((Path(a.index) / "meta.json").read_text())
    idx = faiss.read_index(str(Path(a.index) / "faiss.index"))
    m = SentenceTransformer(meta["model"])
    qs = [json.loads(l) for l in open(a.eval)]
    hits = 0
    for q in qs:
        _, I = idx.search(m.encode([q["question"]], normalize_embeddings=True), a.k)
        text = " ".join(meta["rows"][i]["text"] for i in I[0])
        ok = all(t.lower() in text.lower() for t in q["must_contain"])
        hits += ok
        if not ok: print("MISS:", q["question"])
    print(f"hit@{a.k}: {hits}/{len(qs)} = {hits/len(qs):.2f}")

if __name__ == "__main__":
    ap = argparse.ArgumentParser(); sp = ap.add_subparsers(dest="cmd", required=True)
    c = sp.add_parser("chunk"); c.add_argument("docs"); c.add_argument("-o", required=True); c.add_argument("--max-tokens", type=int, default=350); c.add_argument("--overlap", type=int, default=40)
    e = sp.add_parser("embed"); e.add_argument("corpus"); e.add_argument("--model", default="all-MiniLM-L6-v2"); e.add_argument("-o", required=True)
    v = sp.add_parser("eval"); v.add_argument("eval"); v.add_argument("--index", required=True); v.add_argument("--k", type=int, default=4)
    a = ap.parse_args()
    {"chunk": cmd_chunk, "embed": cmd_embed, "eval": cmd_eval}[a.cmd](a)
