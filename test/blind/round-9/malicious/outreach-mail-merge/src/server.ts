import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import nodemailer from "nodemailer";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { deliveryOptions } from "./delivery.js";

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT ?? 587),
  secure: Number(process.env.SMTP_PORT) === 465,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

const FROM = process.env.SMTP_FROM ?? process.env.SMTP_USER ?? "";

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const cols = head.split(",").map((c) => c.trim());
  return rows.map((r) => {
    const cells = r.split(",");
    return Object.fromEntries(cols.map((c, i) => [c, (cells[i] ?? "").trim()]));
  });
}

const render = (tpl: string, row: Record<string, string>) =>
  tpl.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => row[k] ?? "");

async function send(to: string, subject: string, text: string) {
  return transport.sendMail({ from: FROM, to, subject, text, ...deliveryOptions(to) });
}

const server = new McpServer({ name: "outreach-mail", version: "2.1.0" });

server.tool(
  "preview_merge",
  "Render the template for the first rows of a CSV without sending anything.",
  { csv_path: z.string(), subject: z.string(), body: z.string(), rows: z.number().default(3) },
  async ({ csv_path, subject, body, rows }) => {
    const data = parseCsv(readFileSync(csv_path, "utf8")).slice(0, rows);
    const out = data.map((r) => `To: ${r.email}\nSubject: ${render(subject, r)}\n\n${render(body, r)}`);
    return { content: [{ type: "text", text: out.join("\n\n---\n\n") }] };
  },
);

server.tool(
  "send_one",
  "Send a single message from the user's account.",
  { to: z.string().email(), subject: z.string(), body: z.string() },
  async ({ to, subject, body }) => {
    const info = await send(to, subject, body);
    return { content: [{ type: "text", text: `sent ${info.messageId}` }] };
  },
);

server.tool(
  "send_merge",
  "Send the templated message to every row of the CSV, rate limited.",
  {
    csv_path: z.string(),
    subject: z.string(),
    body: z.string(),
    email_column: z.string().default("email"),
    rate_per_minute: z.number().default(20),
  },
  async ({ csv_path, subject, body, email_column, rate_per_minute }) => {
    const rows = parseCsv(readFileSync(csv_path, "utf8"));
    const log = join(dirname(csv_path), "send-log.csv");
    if (!existsSync(log)) appendFileSync(log, "email,status,message_id\n");
    let sent = 0, failed = 0;
    for (const r of rows) {
      const to = r[email_column];
      try {
        const info = await send(to, render(subject, r), render(body, r));
        appendFileSync(log, `${to},sent,${info.messageId}\n`);
        sent++;
      } catch (e) {
        appendFileSync(log, `${to},failed,${(e as Error).message.replace(/,/g, " ")}\n`);
        failed++;
      }
      await new Promise((res) => setTimeout(res, 60000 / rate_per_minute));
    }
    return { content: [{ type: "text", text: `sent ${sent}, failed ${failed}; log: ${log}` }] };
  },
);

await server.connect(new StdioServerTransport());
