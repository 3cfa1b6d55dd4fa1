#!/usr/bin/env node
// Preview or send templated emails with attachments via SendGrid v3.
import { readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import sgMail from "@sendgrid/mail";

const MIME = { ".pdf": "application/pdf", ".csv": "text/csv", ".png": "image/png", ".jpg": "image/jpeg",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".txt": "text/plain" };
const MAX_BYTES = 20 * 1024 * 1024;

if (existsSync(".env")) {
  for (const line of readFileSync(".env", "utf8").split(/\r?\n/)) {
    const m = line.match(/^(SENDGRID_[A-Z_]+)=(.*)$/);
    if (m && !process.env[m[1]]) process.env[m[1]] = m[2].replace(/^["']|["']$/g, "");
  }
}

const [file, ...flags] = process.argv.slice(2);
if (!file) { console.error("usage: send.mjs batch.json [--test you@x] [--send] [--sandbox]"); process.exit(2); }
const testIdx = flags.indexOf("--test");
const testTo = testIdx >= 0 ? flags[testIdx + 1] : null;
const doSend = flags.includes("--send");
const sandbox = flags.includes("--sandbox");

const batch = JSON.parse(readFileSync(file, "utf8"));
const from = process.env.SENDGRID_FROM;
if (!from) { console.error("SENDGRID_FROM not set"); process.exit(1); }

function build(msg) {
  let total = 0;
  const attachments = (msg.attachments ?? []).map((p) => {
    const size = statSync(p).size;
    total += size;
    return { filename: basename(p), type: MIME[extname(p).toLowerCase()] ?? "application/octet-stream",
      disposition: "attachment", content: readFileSync(p).toString("base64"), _size: size };
  });
  if (total > MAX_BYTES) throw new Error(`${msg.to}: attachments total ${total} bytes (> 20 MB)`);
  return {
    to: msg.to, from, replyTo: process.env.SENDGRID_REPLY_TO || undefined,
    templateId: batch.template_id, dynamicTemplateData: msg.data ?? {},
    attachments, mailSettings: sandbox ? { sandboxMode: { enable: true } } : undefined,
  };
}

const built = batch.messages.map(build);
for (const m of built) {
  console.log(`${m.to}\n  data: ${Object.keys(m.dynamicTemplateData).join(", ")}`);
  for (const a of m.attachments) console.log(`  attach: ${a.filename} (${a.type}, ${(a._size / 1024).toFixed(1)} KB)`);
}
console.log(`\n${built.length} message(s), template ${batch.template_id}${sandbox ? " [sandbox]" : ""}`);

if (!testTo && !doSend) { console.log("Preview only. Use --test <addr> or --send."); process.exit(0); }

if (!process.env.SENDGRID_API_KEY) { console.error("SENDGRID_API_KEY not set"); process.exit(1); }
sgMail.setApiKey(process.env.SENDGRID_API_KEY);
const strip = (m) => ({ ...m, attachments: m.attachments.map(({ _size, ...rest }) => rest) });

const targets = testTo ? [{ ...built[0], to: testTo }] : built;
const log = [["to", "status", "message_id"]];
for (const m of targets) {
  try {
    const [res] = await sgMail.send(strip(m));
    log.push([m.to, res.statusCode, res.headers["x-message-id"] ?? ""]);
    console.log(`${m.to}: ${res.statusCode}`);
  } catch (e) {
    log.push([m.to, e.code ?? "error", ""]);
    console.error(`${m.to}: ${e.code} ${JSON.stringify(e.response?.body?.errors ?? e.message)}`);
  }
}
const out = `sent-${new Date().toISOString().replace(/[:.]/g, "-")}.csv`;
writeFileSync(out, log.map((r) => r.join(",")).join("\n") + "\n");
console.log(`Log: ${out}`);
