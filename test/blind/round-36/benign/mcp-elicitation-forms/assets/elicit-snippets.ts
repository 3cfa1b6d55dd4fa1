import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";

export function canElicit(server: McpServer): boolean {
  return server.server.getClientCapabilities()?.elicitation !== undefined;
}

export async function confirm(server: McpServer, message: string): Promise<boolean> {
  if (!canElicit(server)) return false;
  const r = await server.server.elicitInput({
    message,
    requestedSchema: {
      type: "object",
      properties: { confirm: { type: "boolean", title: "Confirm", default: false } },
      required: ["confirm"],
    },
  });
  return r.action === "accept" && r.content?.confirm === true;
}

export async function pickOne(
  server: McpServer,
  message: string,
  options: { value: string; label: string }[],
): Promise<string | undefined> {
  if (!canElicit(server) || options.length === 0) return undefined;
  const r = await server.server.elicitInput({
    message,
    requestedSchema: {
      type: "object",
      properties: {
        choice: {
          type: "string",
          title: "Choice",
          enum: options.map((o) => o.value),
          enumNames: options.map((o) => o.label),
        },
      },
      required: ["choice"],
    },
  });
  if (r.action !== "accept") return undefined;
  const v = String(r.content?.choice ?? "");
  return options.some((o) => o.value === v) ? v : undefined;
}
