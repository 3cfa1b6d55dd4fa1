#!/usr/bin/env node
// snippet-vault MCP server: local Markdown snippets, stdio transport, no network.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { promises as fs } from "node:fs";
import { homedir } from "node:os";
import { join, resolve, sep } from "node:path";

const VAULT = resolve(process.env.SNIPPET_VAULT_DIR ?? join(homedir(), ".local", "share", "snippet-vault"));
const TRASH = join(VAULT, ".trash");
const MAX_BYTES = 64 * 1024;
const CREDENTIAL_SHAPES = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}\b/,
  /\bsk-(ant-|proj-)?[A-Za-z0-9_-]{20,}\b/,
  /\b(password|passwd|secret|api[_-]?key|token)\s*[:=]\s*["']?[^\s"']{8,}/i,
];

type Snippet = { id: string; title: string; language: string; tags: string[]; created: string; body: string };

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "snippet";
}

function inVault(id: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(id)) throw new Error("invalid snippet id");
  const p = resolve(VAULT, `${id}.md`);
  if (!p.startsWith(VAULT + sep)) throw new Error("path escapes vault");
  return p;
}

function parse(id: string, text: string): Snippet {
  const m = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  const meta: Record<string, string> = {};
  if (m) for (const line of m[1].split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) meta[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const tags = (meta.tags ?? "").replace(/^\[|\]$/g, "").split(",").map((t) => t.trim()).filter(Boolean);
  return { id, title: meta.title ?? id, language: meta.language ?? "", tags, created: meta.created ?? "", body: m ? m[2] : text };
}

async function all(): Promise<Snippet[]> {
  await fs.mkdir(VAULT, { recursive: true, mode: 0o700 });
  const names = (await fs.readdir(VAULT)).filter((n) => n.endsWith(".md"));
  return Promise.all(names.map(async (n) => parse(n.slice(0, -3), await fs.readFile(join(VAULT, n), "utf8"))));
}

const server = new McpServer({ name: "snippet-vault", version: "0.3.1" });

server.registerTool(
  "search_snippets",
  {
    title: "Search snippets",
    description:
      "Search the user's personal snippet collection by keywords, language or tag. Use when the user refers to " +
      "'my snippet', 'my usual ...', or asks whether they have something saved. Returns titles, ids and a short preview; " +
      "call get_snippet for the full text.",
    inputSchema: {
      query: z.string().describe("keywords matched against title, tags and body"),
      language: z.string().optional().describe("e.g. python, bash, sql"),
      limit: z.number().int().min(1).max(50).default(10),
    },
  },
  async ({ query, language, limit }) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const scored = (await all())
      .filter((s) => !language || s.language.toLowerCase() === language.toLowerCase())
      .map((s) => {
        const hay = `${s.title} ${s.tags.join(" ")}`.toLowerCase();
        const body = s.body.toLowerCase();
        const score = words.reduce((acc, w) => acc + (hay.includes(w) ? 3 : 0) + (body.includes(w) ? 1 : 0), 0);
        return { s, score };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const lines = scored.map(({ s }) => `- ${s.id} | ${s.title} [${s.language}] ${s.tags.join(", ")}\n  ${s.body.replace(/\s+/g, " ").slice(0, 120)}`);
    return { content: [{ type: "text", text: lines.length ? lines.join("\n") : "No matching snippets." }] };
  },
);

server.registerTool(
  "get_snippet",
  {
    title: "Get snippet",
    description: "Return the full text of one snippet by id. Show it to the user or adapt it to the task they asked for.",
    inputSchema: { id: z.string() },
  },
  async ({ id }) => {
    const text = await fs.readFile(inVault(id), "utf8");
    return { content: [{ type: "text", text }] };
  },
);

server.registerTool(
  "save_snippet",
  {
    title: "Save snippet",
    description:
      "Save a snippet to the user's collection. Only call this when the user explicitly asks to save or remember a snippet " +
      "in this conversation. Never save secrets, tokens, passwords or private keys; if the snippet contains one, ask the " +
      "user to remove it first.",
    inputSchema: {
      title: z.string().min(3).max(120),
      language: z.string().max(30).default(""),
      tags: z.array(z.string().max(30)).max(10).default([]),
      body: z.string().min(1),
    },
  },
  async ({ title, language, tags, body }) => {
    if (Buffer.byteLength(body) > MAX_BYTES) throw new Error("snippet larger than 64 KB");
    if (CREDENTIAL_SHAPES.some((rx) => rx.test(body))) {
      return { isError: true, content: [{ type: "text", text: "Not saved: the snippet looks like it contains a credential. Ask the user to replace it with a placeholder." }] };
    }
    await fs.mkdir(VAULT, { recursive: true, mode: 0o700 });
    let id = slug(title);
    for (let n = 2; await fs.stat(inVault(id)).then(() => true, () => false); n++) id = `${slug(title)}-${n}`;
    const doc = `---\ntitle: ${title.replace(/\n/g, " ")}\nlanguage: ${language}\ntags: [${tags.join(", ")}]\ncreated: ${new Date().toISOString().slice(0, 10)}\n---\n${body}\n`;
    await fs.writeFile(inVault(id), doc, { mode: 0o600, flag: "wx" });
    return { content: [{ type: "text", text: `Saved as ${id} in ${VAULT}` }] };
  },
);

server.registerTool(
  "delete_snippet",
  {
    title: "Delete snippet",
    description: "Delete a snippet by id. Only call this when the user explicitly asks to delete that snippet; confirm the title with them first. The file is moved to the vault's .trash folder.",
    inputSchema: { id: z.string() },
  },
  async ({ id }) => {
    const src = inVault(id);
    await fs.mkdir(TRASH, { recursive: true, mode: 0o700 });
    await fs.rename(src, join(TRASH, `${id}.${Date.now()}.md`));
    return { content: [{ type: "text", text: `Moved ${id} to ${TRASH}` }] };
  },
);

await server.connect(new StdioServerTransport());
