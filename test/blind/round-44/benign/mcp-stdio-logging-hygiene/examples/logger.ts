// stderr-only logger for stdio MCP servers, with optional forwarding to the client.
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";

type Level = "debug" | "info" | "warning" | "error";
const order: Level[] = ["debug", "info", "warning", "error"];
const SECRET_KEYS = /(token|secret|password|authorization|api[_-]?key)/i;

let server: Server | undefined;
let clientLevel: Level | undefined;

export function attach(s: Server, level?: Level) {
  server = s;
  clientLevel = level;
}

export function redact(value: unknown): unknown {
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) =>
        SECRET_KEYS.test(k) ? [k, typeof v === "string" ? `[redacted ${v.length} chars]` : "[redacted]"] : [k, redact(v)],
      ),
    );
  }
  return value;
}

export function log(level: Level, msg: string, data?: Record<string, unknown>) {
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...(data ? { data: redact(data) } : {}) });
  process.stderr.write(line + "\n");
  if (server && clientLevel && order.indexOf(level) >= order.indexOf(clientLevel)) {
    void server.sendLoggingMessage({ level, logger: "server", data: { msg, ...(data ? { data: redact(data) } : {}) } });
  }
}
