#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "__SERVER_NAME__", version: "0.1.0" });

server.registerTool(
  "echo",
  {
    title: "Echo",
    description: "Returns the given text unchanged. Replace with real tools.",
    inputSchema: { text: z.string() },
  },
  async ({ text }) => ({ content: [{ type: "text", text }] }),
);

server.registerResource(
  "about",
  "about://server",
  { title: "About", description: "What this server does", mimeType: "text/plain" },
  async (uri) => ({ contents: [{ uri: uri.href, text: "__SERVER_NAME__: describe me." }] }),
);

server.registerPrompt(
  "summarize",
  { title: "Summarize", description: "Summarize text", argsSchema: { text: z.string() } },
  ({ text }) => ({ messages: [{ role: "user", content: { type: "text", text: `Summarize:\n\n${text}` } }] }),
);

const transport = new StdioServerTransport();
await server.connect(transport);
console.error("__SERVER_NAME__ running on stdio");
