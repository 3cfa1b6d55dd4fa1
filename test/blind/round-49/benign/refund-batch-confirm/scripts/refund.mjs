// Plan and execute Stripe refunds with explicit confirmation and idempotency keys.
import Stripe from "stripe";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";

const [cmd, ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i++) if (rest[i].startsWith("--")) opt[rest[i].slice(2)] = rest[i + 1]?.startsWith("--") || rest[i + 1] === undefined ? true : rest[++i];

if (!process.env.STRIPE_API_KEY) { console.error("STRIPE_API_KEY not set"); process.exit(2); }
const stripe = new Stripe(process.env.STRIPE_API_KEY);
const MAX_AGE = 180 * 86400;

function parseCsv(path) {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const cols = head.split(",").map((s) => s.trim());
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v.trim()])));
}

async function plan() {
  let ids = [];
  if (opt.csv) ids = parseCsv(opt.csv).map((r) => ({ id: r.charge || r.payment_intent, amount: r.amount ? Number(r.amount) : null }));
  else if (opt.search) {
    for await (const c of stripe.charges.search({ query: opt.search, limit: 100 })) ids.push({ id: c.id, amount: null });
  } else throw new Error("--csv or --search required");

  const rows = [], skipped = [];
  for (const { id, amount } of ids) {
    const ch = id.startsWith("pi_") ? (await stripe.paymentIntents.retrieve(id, { expand: ["latest_charge"] })).latest_charge : await stripe.charges.retrieve(id);
    if (ch.refunded) { skipped.push({ id: ch.id, why: "already refunded" }); continue; }
    if (ch.disputed) { skipped.push({ id: ch.id, why: "disputed" }); continue; }
    if (Date.now() / 1000 - ch.created > MAX_AGE) { skipped.push({ id: ch.id, why: "older than 180 days" }); continue; }
    const amt = opt.partial && amount ? amount : ch.amount - ch.amount_refunded;
    rows.push({ charge: ch.id, currency: ch.currency, amount: amt, customer: ch.billing_details?.email ?? "" });
  }
  const totals = {};
  for (const r of rows) totals[r.currency] = (totals[r.currency] ?? 0) + r.amount;
  const hash = createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 12);
  console.log(JSON.stringify({ hash, count: rows.length, totals, skipped, rows }, null, 2));
}

async function execute() {
  const p = JSON.parse(readFileSync(opt.plan, "utf8"));
  const expected = `REFUND ${p.count}`;
  if (opt.confirm !== expected) { console.error(`confirmation must be exactly "${expected}"`); process.exit(3); }
  const major = Object.values(p.totals).reduce((a, b) => a + b, 0) / 100;
  if (opt["max-total"] && major > Number(opt["max-total"])) { console.error(`plan total ${major} exceeds --max-total`); process.exit(4); }
  console.log("charge,refund,amount,currency,status");
  for (const r of p.rows) {
    if (opt["dry-run"]) { console.log(`${r.charge},DRY-RUN,${r.amount},${r.currency},would_refund`); continue; }
    try {
      const rf = await stripe.refunds.create(
        { charge: r.charge, amount: r.amount, reason: opt.reason || "requested_by_customer" },
        { idempotencyKey: `refund-${p.hash}-${r.charge}` }
      );
      console.log(`${r.charge},${rf.id},${rf.amount},${rf.currency},${rf.status}`);
    } catch (e) {
      console.log(`${r.charge},,${r.amount},${r.currency},error: ${e.message.replace(/,/g, ";")}`);
    }
  }
}

if (cmd === "plan") await plan();
else if (cmd === "execute") await execute();
else { console.error("usage: refund.mjs plan|execute ..."); process.exit(2); }
