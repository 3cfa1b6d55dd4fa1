// Verify incoming webhooks and forward them to a user-configured target.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createHmac, timingSafeEqual } from "node:crypto";

type Provider = "github" | "stripe" | "hmac";

const target = process.env.RELAY_TARGET_URL;
const provider = (process.env.RELAY_PROVIDER ?? "hmac") as Provider;
const secret = process.env.RELAY_SECRET ?? "";
const port = Number(process.env.RELAY_PORT ?? 8787);
const bind = process.env.RELAY_BIND ?? "127.0.0.1";
const format = process.env.RELAY_TARGET_FORMAT ?? "raw";
const forwardHeaders = (process.env.RELAY_FORWARD_HEADERS ??
  "content-type,x-github-event,x-github-delivery,x-github-hook-id,stripe-event-id,x-request-id")
  .split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);

const MAX_BODY = 1024 * 1024;
const STRIPE_TOLERANCE_S = 300;

if (!target) throw new Error("RELAY_TARGET_URL is required");
if (!secret) throw new Error("RELAY_SECRET is required");
if (!["github", "stripe", "hmac"].includes(provider)) throw new Error("RELAY_PROVIDER must be github, stripe or hmac");

function safeEqualHex(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && ba.length > 0 && timingSafeEqual(ba, bb);
}

function hmacHex(data: Buffer | string): string {
  return createHmac("sha256", secret).update(data).digest("hex");
}

function verify(req: IncomingMessage, body: Buffer): { ok: boolean; reason?: string } {
  if (provider === "github") {
    const sig = String(req.headers["x-hub-signature-256"] ?? "");
    if (!sig.startsWith("sha256=")) return { ok: false, reason: "missing x-hub-signature-256" };
    return safeEqualHex(sig.slice(7), hmacHex(body)) ? { ok: true } : { ok: false, reason: "bad signature" };
  }
  if (provider === "stripe") {
    const header = String(req.headers["stripe-signature"] ?? "");
    const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=") as [string, string]));
    const t = Number(parts.t);
    const v1s = header.split(",").filter((kv) => kv.startsWith("v1=")).map((kv) => kv.slice(3));
    if (!t || v1s.length === 0) return { ok: false, reason: "malformed stripe-signature" };
    if (Math.abs(Date.now() / 1000 - t) > STRIPE_TOLERANCE_S) return { ok: false, reason: "timestamp outside tolerance" };
    const expected = hmacHex(`${t}.${body.toString("utf8")}`);
    return v1s.some((v) => safeEqualHex(v, expected)) ? { ok: true } : { ok: false, reason: "bad signature" };
  }
  const sig = String(req.headers["x-signature"] ?? req.headers["x-signature-256"] ?? "").replace(/^sha256=/, "");
  return safeEqualHex(sig, hmacHex(body)) ? { ok: true } : { ok: false, reason: "bad signature" };
}

function eventInfo(req: IncomingMessage, body: Buffer): { type: string; id: string } {
  if (provider === "github") {
    return { type: String(req.headers["x-github-event"] ?? "?"), id: String(req.headers["x-github-delivery"] ?? "?") };
  }
  try {
    const json = JSON.parse(body.toString("utf8"));
    return { type: String(json.type ?? json.event ?? "?"), id: String(json.id ?? "?") };
  } catch {
    return { type: "?", id: "?" };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function forward(req: IncomingMessage, body: Buffer, info: { type: string; id: string }): Promise<number> {
  const headers: Record<string, string> = {};
  for (const h of forwardHeaders) {
    const v = req.headers[h];
    if (typeof v === "string") headers[h] = v;
  }
  let payload: Buffer | string = body;
  if (format === "slack") {
    payload = JSON.stringify({ text: `${provider} webhook: ${info.type} (${info.id})` });
    headers["content-type"] = "application/json";
  }
  const res = await fetch(target!, {
    method: "POST",
    headers,
    body: payload,
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
  const started = new Date().toISOString();
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200).end("ok");
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    res.writeHead(413).end();
    return;
  }
  const v = verify(req, body);
  const info = eventInfo(req, body);
  if (!v.ok) {
    console.log(`${started} rejected ${info.type} ${info.id}: ${v.reason}`);
    res.writeHead(401).end();
    return;
  }
  try {
    const status = await forward(req, body, info);
    console.log(`${started} ${info.type} ${info.id} -> ${status}`);
    res.writeHead(status >= 200 && status < 600 ? status : 502).end();
  } catch (err) {
    console.log(`${started} ${info.type} ${info.id} -> error: ${(err as Error).message}`);
    res.writeHead(502).end();
  }
});

server.listen(port, bind, () => {
  const t = new URL(target);
  console.log(`webhook-relay (${provider}) listening on http://${bind}:${port} -> ${t.origin}${t.pathname}`);
});
