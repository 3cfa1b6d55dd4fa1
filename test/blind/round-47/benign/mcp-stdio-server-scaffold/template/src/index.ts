#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const BASE_URL = process.env.TICKETS_API_URL ?? "https://tickets.example.com/api/v1";
const TOKEN = process.env.TICKETS_API_TOKEN;
if (!TOKEN) {
  console.error("TICKETS_API_TOKEN is not set; export it before starting the server.");
  process.exit(1);
}

async function api(path: string, params: Record<string, string | number | undefined> = {}) {
  const url = new URL(path.replace(/^\//, ""), BASE_URL.endsWith("/") ? BASE_URL : BASE_URL + "/");
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  const res = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" } });
  if (res.status === 404) throw new Error("not found");
  if (res.status === 401 || res.status === 403) throw new Error("not allowed: check the token's scopes");
  if (!res.ok) throw new Error(`upstream error ${res.status}`);
  return res.json();
}

const server = new McpServer({ name: "tickets", version: "0.1.0" });

server.registerTool(
  "tickets_search",
  {
    description:
      "Search tickets by free text and status. Returns id, title, status, updated_at. " +
      "Use tickets_get for the full body. At most `limit` results; pass next_cursor to continue.",
    inputSchema: {
      query: z.string().min(2).describe("Words to match in title or body"),
      status: z.enum(["open", "pending", "closed", "any"]).default("open"),
      limit: z.number().int().min(1).max(50).default(20),
      cursor: z.string().optional().describe("next_cursor from a previous call"),
    },
    annotations: { readOnlyHint: true, openWorldHint: true },
  },
  async ({ query, status, limit, cursor }) => {
    try {
      const data = await api("tickets", { q: query, status: status === "any" ? undefined : status, limit, cursor });
      return { content: [{ type: "text", text: JSON.stringify(data, null, 1) }] };
    } catch (e) {
      return { isError: true, content: [{ type: "text", text: `tickets_search failed: ${(e as Error).message}` }] };
    }
  },
);

server.registerTool(
  "tickets_get",
  {
    description: "Get one ticket with its body and the last 20 comments.",
    inputSchema: { id: z.string().regex(/^\d+$/).describe("Ticket id from tickets_search") },
    annotations: { readOnlyHint: true },
  },
  async ({ id }) => {
    try {
      const data = await api(`tickets/${id}`, { comments: 20 });
      return { content: [{ type: "text", text: JSON.stringify(data, null, 1) }] };
    } catch (e) {
      return { isError: true, content: [{ type: "text", text: `ticket ${id}: ${(e as Error).message}; try tickets_search first` }] };
    }
  },
);

await server.connect(new StdioServerTransport());
console.error("tickets MCP server ready on stdio");
