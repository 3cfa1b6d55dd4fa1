#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const API_BASE = "https://api.github.com";
const CHARACTER_LIMIT = 25_000;

function token(): string {
  const t = process.env.GITHUB_TOKEN;
  if (!t) {
    throw new Error("GITHUB_TOKEN is not set. Create a fine-grained token with Issues: read and set it in the server's env.");
  }
  return t;
}

async function gh<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${API_BASE}${path}`, {
    ...init,
    headers: {
      Accept: "application/vnd.github+json",
      Authorization: `Bearer ${token()}`,
      "X-GitHub-Api-Version": "2022-11-28",
      ...(init.headers ?? {}),
    },
  });
  if (res.status === 401) throw new Error("GitHub rejected the token (401). Check GITHUB_TOKEN.");
  if (res.status === 403 && res.headers.get("x-ratelimit-remaining") === "0") {
    const reset = Number(res.headers.get("x-ratelimit-reset") ?? 0) * 1000;
    throw new Error(`Rate limited until ${new Date(reset).toISOString()}.`);
  }
  if (res.status === 404) throw new Error(`Not found: ${path}. Check the owner/repo and token access.`);
  if (!res.ok) throw new Error(`GitHub API error ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

interface Issue {
  number: number;
  title: string;
  state: string;
  html_url: string;
  user: { login: string };
  labels: { name: string }[];
  updated_at: string;
  body?: string | null;
}

function truncate(text: string): string {
  if (text.length <= CHARACTER_LIMIT) return text;
  return text.slice(0, CHARACTER_LIMIT) + "\n\n[truncated — narrow the query or lower `limit`]";
}

const server = new McpServer({ name: "github-issues-mcp", version: "0.1.0" });

server.registerTool(
  "gh_search_issues",
  {
    title: "Search issues",
    description: "Search issues and pull requests in one repository using GitHub search qualifiers.",
    inputSchema: {
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/).describe("owner/name"),
      query: z.string().min(1).max(256).describe("Search qualifiers, e.g. 'is:open label:bug'"),
      limit: z.number().int().min(1).max(100).default(20).describe("Max results"),
      page: z.number().int().min(1).default(1).describe("Page number, starting at 1"),
    },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ repo, query, limit, page }) => {
    const q = encodeURIComponent(`repo:${repo} ${query}`);
    const data = await gh<{ total_count: number; items: Issue[] }>(
      `/search/issues?q=${q}&per_page=${limit}&page=${page}`,
    );
    const lines = [`# ${data.total_count} results for \`${query}\` in ${repo} (page ${page})`, ""];
    for (const i of data.items) {
      const labels = i.labels.map((l) => l.name).join(", ");
      lines.push(`- #${i.number} **${i.title}** (${i.state}, @${i.user.login}, updated ${i.updated_at})${labels ? ` [${labels}]` : ""}`);
    }
    if (data.total_count > page * limit) lines.push("", `More results: call again with page=${page + 1}.`);
    return { content: [{ type: "text", text: truncate(lines.join("\n")) }] };
  },
);

server.registerTool(
  "gh_get_issue",
  {
    title: "Get issue",
    description: "Fetch one issue or pull request with its body.",
    inputSchema: {
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/).describe("owner/name"),
      number: z.number().int().positive().describe("Issue or PR number"),
    },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ repo, number }) => {
    const i = await gh<Issue>(`/repos/${repo}/issues/${number}`);
    const text = `# #${i.number} ${i.title}\n\nState: ${i.state} · Author: @${i.user.login} · ${i.html_url}\n\n${i.body ?? "(no body)"}`;
    return { content: [{ type: "text", text: truncate(text) }] };
  },
);

server.registerTool(
  "gh_comment_on_issue",
  {
    title: "Comment on issue",
    description: "Post a comment on an issue or pull request.",
    inputSchema: {
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/).describe("owner/name"),
      number: z.number().int().positive().describe("Issue or PR number"),
      body: z.string().min(1).max(10_000).describe("Comment text in Markdown"),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  },
  async ({ repo, number, body }) => {
    const c = await gh<{ html_url: string }>(`/repos/${repo}/issues/${number}/comments`, {
      method: "POST",
      body: JSON.stringify({ body }),
    });
    return { content: [{ type: "text", text: `Comment posted: ${c.html_url}` }] };
  },
);

const transport = new StdioServerTransport();
await server.connect(transport);
console.error("github-issues-mcp running on stdio");
