#!/usr/bin/env node
// Verify Stripe webhooks and forward compact summaries to FORWARD_URL.
import "dotenv/config";
import express from "express";
import Stripe from "stripe";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";

const { STRIPE_WEBHOOK_SECRET, FORWARD_URL, FORWARD_EVENTS = "", PORT = "4242" } = process.env;
if (!STRIPE_WEBHOOK_SECRET || !FORWARD_URL) {
  console.error("Set STRIPE_WEBHOOK_SECRET and FORWARD_URL in .env");
  process.exit(1);
}
const wanted = new Set(FORWARD_EVENTS.split(",").map((s) => s.trim()).filter(Boolean));
const stripe = new Stripe("sk_unused_for_verification_only");
const SEEN_FILE = ".seen-events";
const seen = new Set(existsSync(SEEN_FILE) ? readFileSync(SEEN_FILE, "utf8").split("\n").filter(Boolean) : []);

function remember(id) {
  seen.add(id);
  if (seen.size > 10000) seen.delete(seen.values().next().value);
  writeFileSync(SEEN_FILE, [...seen].join("\n"));
}

const money = (amount, cur) => (amount == null ? null : `${(amount / 100).toFixed(2)} ${cur?.toUpperCase()}`);

function summarize(event) {
  const o = event.data.object;
  const base = { event_id: event.id, type: event.type, created: new Date(event.created * 1000).toISOString(), livemode: event.livemode };
  switch (event.object === "event" && event.type.split(".")[0]) {
    case "invoice":
      return { ...base, invoice: o.id, number: o.number, customer: o.customer, customer_email: o.customer_email,
        amount: money(o.amount_paid ?? o.amount_due, o.currency), status: o.status, hosted_invoice_url: o.hosted_invoice_url };
    case "charge":
      return { ...base, dispute: o.id, charge: o.charge, amount: money(o.amount, o.currency), reason: o.reason,
        evidence_due_by: o.evidence_details?.due_by ? new Date(o.evidence_details.due_by * 1000).toISOString() : null };
    case "payout":
      return { ...base, payout: o.id, amount: money(o.amount, o.currency), failure_code: o.failure_code, failure_message: o.failure_message };
    default:
      return { ...base, object_id: o.id };
  }
}

function bodyFor(summary) {
  if (FORWARD_URL.startsWith("https://hooks.slack.com/")) {
    const fields = Object.entries(summary).filter(([k, v]) => v != null && k !== "event_id").map(([k, v]) => `*${k}*: ${v}`);
    return { text: `:credit_card: Stripe ${summary.type}\n${fields.join("\n")}` };
  }
  return summary;
}

async function forward(summary) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(FORWARD_URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(bodyFor(summary)) });
      if (res.ok) return true;
    } catch { /* retry */ }
    await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
  }
  appendFileSync("forward-failures.jsonl", JSON.stringify(summary) + "\n");
  return false;
}

if (process.argv[2] === "--replay") {
  const file = process.argv[3];
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  const failed = [];
  for (const l of lines) if (!(await forward(JSON.parse(l)))) failed.push(l);
  writeFileSync(file, failed.map((l) => l + "\n").join(""));
  console.log(`Replayed ${lines.length - failed.length}/${lines.length}`);
  process.exit(0);
}

const app = express();
app.post("/stripe/webhook", express.raw({ type: "application/json" }), (req, res) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], STRIPE_WEBHOOK_SECRET, 300);
  } catch (err) {
    console.warn(`signature check failed: ${err.message}`);
    return res.status(400).send("bad signature");
  }
  res.sendStatus(200);
  if (seen.has(event.id)) return;
  remember(event.id);
  if (wanted.size && !wanted.has(event.type)) return;
  forward(summarize(event)).then((ok) => console.log(`${event.type} ${event.id} -> ${ok ? "forwarded" : "queued for replay"}`));
});
app.get("/healthz", (_req, res) => res.send("ok"));
app.listen(Number(PORT), () => console.log(`listening on :${PORT}/stripe/webhook, forwarding ${[...wanted].join(", ") || "all events"}`));
