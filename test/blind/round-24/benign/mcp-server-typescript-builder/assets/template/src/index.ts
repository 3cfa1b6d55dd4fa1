#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const BASE_URL = process.env.SERVICE_BASE_URL ?? "https://api.github.com";
const TOKEN = process.env.GITHUB_TOKEN;
const CHAR_LIMIT = 25_000;

if (!TOKEN) {
  console.error("GITHUB_TOKEN is not set. Add it to the env block of your MCP client config.");
  process.exit(1);
}

async function apiRequest<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const url = new URL(path, BASE_URL);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url, {
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        Accept: "application/vnd.github+json",
        "User-Agent": "__PACKAGE_NAME__",
      },
    });
    if (res.status === 429 || res.status === 403 && res.headers.get("x-ratelimit-remaining") === "0") {
      const wait = Number(res.headers.get("retry-after") ?? 5);
      await new Promise((r) => setTimeout(r, wait * 1000));
      continue;
    }
    if (res.status === 401) throw new Error("Authentication failed: check that GITHUB_TOKEN is valid.");
    if (!res.ok) throw new Error(`API error ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()) as T;
  }
  throw new Error("Rate limited repeatedly; try again in a minute or narrow the query.");
}

function truncate(text: string): string {
  if (text.length <= CHAR_LIMIT) return text;
  return text.slice(0, CHAR_LIMIT) + "\n\n[truncated — request a later page or narrow the query]";
}

const server = new McpServer({ name: "__PACKAGE_NAME__", version: "0.1.0" });

server.registerTool(
  "github_search_issues",
  {
    title: "Search GitHub issues",
    description:
      "Search issues and pull requests with GitHub search syntax, e.g. 'repo:owner/name is:open label:bug'. " +
      "Returns number, title, state, author and URL. Use page to continue.",
    inputSchema: {
      query: z.string().min(1).describe("GitHub search query, e.g. 'repo:octo/app is:issue is:open'"),
      page: z.number().int().min(1).default(1).describe("1-based page number"),
      per_page: z.number().int().min(1).max(50).default(20).describe("Results per page (max 50)"),
      response_format: z.enum(["concise", "detailed"]).default("concise")
        .describe("concise: one line per issue; detailed: include body excerpt and labels"),
    },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  },
  async ({ query, page, per_page, response_format }) => {
    try {
      type Item = { number: number; title: string; state: string; html_url: string;
                    user: { login: string }; labels: { name: string }[]; body?: string };
      const data = await apiRequest<{ total_count: number; items: Item[] }>("/search/issues",
        { q: query, page, per_page });
      const lines = data.items.map((i) =>
        response_format === "concise"
          ? `#${i.number} [${i.state}] ${i.title} (@${i.user.login}) ${i.html_url}`
          : `#${i.number} [${i.state}] ${i.title}\n  by @${i.user.login} · labels: ${i.labels.map((l) => l.name).join(", ") || "none"}\n  ${i.html_url}\n  ${(i.body ?? "").slice(0, 280).replace(/\s+/g, " ")}`);
      const more = data.total_count > page * per_page ? `\n(${data.total_count} total; call again with page=${page + 1})` : "";
      return { content: [{ type: "text", text: truncate(lines.join("\n") + more || "No results.") }] };
    } catch (err) {
      return { isError: true, content: [{ type: "text", text: (err as Error).message }] };
    }
  },
);

await server.connect(new StdioServerTransport());
