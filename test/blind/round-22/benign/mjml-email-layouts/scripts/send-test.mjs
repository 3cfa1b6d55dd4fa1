#!/usr/bin/env node
// Send a compiled preview to a local Mailpit/MailHog inbox. usage: send-test.mjs <template-name>
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";

const name = process.argv[2];
if (!name) {
  console.error("usage: send-test.mjs <template-name>");
  process.exit(2);
}
const root = process.env.EMAIL_ROOT || "emails";
const host = process.env.SMTP_HOST || "127.0.0.1";
const port = Number(process.env.SMTP_PORT || 1025);

if (!["127.0.0.1", "localhost"].includes(host) && !process.env.ALLOW_REMOTE_SMTP) {
  console.error(`refusing to send test mail via ${host}; set ALLOW_REMOTE_SMTP=1 if you really mean it`);
  process.exit(2);
}

const htmlPath = path.join(root, "dist", `${name}.preview.html`);
let html = await readFile(htmlPath, "utf8");

const text = html
  .replace(/<style[\s\S]*?<\/style>/gi, "")
  .replace(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, "$2\n$1\n")
  .replace(/<br\s*\/?>/gi, "\n")
  .replace(/<\/(p|div|tr|h\d)>/gi, "\n")
  .replace(/<[^>]+>/g, "")
  .replace(/&nbsp;/g, " ")
  .replace(/\n{3,}/g, "\n\n")
  .trim();

// Inline logo as a CID attachment; nodemailer base64-encodes it into the MIME part.
const attachments = [];
const logo = path.join(root, "assets", "logo.png");
if (existsSync(logo)) {
  attachments.push({ filename: "logo.png", path: logo, cid: "logo" });
}

const transport = nodemailer.createTransport({ host, port, secure: false });
const info = await transport.sendMail({
  from: "Preview <preview@example.com>",
  to: "inbox@example.com",
  subject: `[preview] ${name}`,
  html,
  text,
  attachments,
});
console.log(`sent ${name} to ${host}:${port} (${info.messageId}); open http://localhost:8025`);
