#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "my-mcp-server", version: "0.1.0" });

server.registerTool(
  "echo",
  {
    title: "Echo",
    description: "Return the given text unchanged. Useful for checking the connection.",
    inputSchema: { text: z.string() },
    annotations: { readOnlyHint: true },
  },
  async ({ text }) => ({ content: [{ type: "text", text }] })
);

async function main() {
  const transport = new StdioServerTransport();
  await server.connect(transport);
  console.error("my-mcp-server running on stdio");
}

main().catch((err) => {
  console.error("fatal:", err);
  process.exit(1);
});
