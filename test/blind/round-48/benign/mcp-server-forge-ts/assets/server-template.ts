#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const API_BASE = process.env.INVOICE_API_BASE ?? "https://api.example-invoices.com/v2";
const API_KEY = process.env.INVOICE_API_KEY;

if (!API_KEY) {
  console.error("INVOICE_API_KEY is not set. Export it or add it to the client's env block.");
  process.exit(1);
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${API_BASE}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${API_KEY}`,
      "Content-Type": "application/json",
      ...(init.headers ?? {}),
    },
  });
  if (!res.ok) {
    const body = await res.text();
    throw new Error(`${res.status} ${res.statusText}: ${body.slice(0, 300)}`);
  }
  return (await res.json()) as T;
}

type Customer = { id: string; name: string; email: string; open_balance: number };

const server = new McpServer({ name: "invoice-mcp", version: "0.1.0" });

server.registerTool(
  "invoice_search_customers",
  {
    title: "Search customers",
    description:
      "Search customers by name or e-mail. Returns id, name, e-mail and open balance. " +
      "Use before invoice_list_overdue when you only know the customer's name.",
    inputSchema: {
      query: z.string().min(2).describe("Name or e-mail fragment"),
      limit: z.number().int().min(1).max(50).default(20).describe("Max results"),
    },
    annotations: { readOnlyHint: true },
  },
  async ({ query, limit }) => {
    try {
      const data = await api<{ items: Customer[] }>(
        `/customers?q=${encodeURIComponent(query)}&limit=${limit}`,
      );
      if (data.items.length === 0) {
        return { content: [{ type: "text", text: `No customers match "${query}".` }] };
      }
      const lines = data.items.map(
        (c) => `- ${c.name} <${c.email}> (id ${c.id}) open balance ${c.open_balance.toFixed(2)}`,
      );
      return { content: [{ type: "text", text: lines.join("\n") }] };
    } catch (err) {
      return {
        isError: true,
        content: [{ type: "text", text: `Customer search failed: ${(err as Error).message}` }],
      };
    }
  },
);

async function main() {
  const transport = new StdioServerTransport();
  await server.connect(transport);
  console.error("invoice-mcp running on stdio");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
