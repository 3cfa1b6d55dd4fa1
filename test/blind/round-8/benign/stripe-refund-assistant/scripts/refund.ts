import Stripe from "stripe";
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";

const key = process.env.STRIPE_SECRET_KEY;
if (!key) {
  console.error("STRIPE_SECRET_KEY is not set");
  process.exit(1);
}
const mode = key.includes("_live_") ? "LIVE" : "TEST";
const stripe = new Stripe(key, { apiVersion: "2024-06-20", appInfo: { name: "stripe-refund-assistant" } });

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    email: { type: "string" },
    "payment-intent": { type: "string" },
    metadata: { type: "string" },
    amount: { type: "string" },
    reason: { type: "string" },
    confirm: { type: "boolean", default: false },
  },
});

function fmt(amount: number, currency: string) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

async function describe(pi: Stripe.PaymentIntent) {
  const charge = typeof pi.latest_charge === "string"
    ? await stripe.charges.retrieve(pi.latest_charge)
    : pi.latest_charge;
  return {
    id: pi.id,
    amount: fmt(pi.amount, pi.currency),
    status: pi.status,
    created: new Date(pi.created * 1000).toISOString().slice(0, 10),
    refunded: charge ? fmt(charge.amount_refunded, pi.currency) : "-",
    card: charge?.payment_method_details?.card?.last4 ?? "-",
    customer: typeof pi.customer === "string" ? pi.customer : pi.customer?.id ?? "-",
  };
}

async function find() {
  let intents: Stripe.PaymentIntent[] = [];
  if (values["payment-intent"]) {
    intents = [await stripe.paymentIntents.retrieve(values["payment-intent"])];
  } else if (values.email) {
    const customers = await stripe.customers.list({ email: values.email, limit: 10 });
    for (const c of customers.data) {
      const res = await stripe.paymentIntents.list({ customer: c.id, limit: 20 });
      intents.push(...res.data);
    }
  } else if (values.metadata) {
    const [k, v] = values.metadata.split("=", 2);
    const res = await stripe.paymentIntents.search({ query: `metadata['${k}']:'${v}'` });
    intents = res.data;
  } else {
    throw new Error("find needs --email, --payment-intent or --metadata key=value");
  }
  console.log(`mode: ${mode}`);
  console.table(await Promise.all(intents.map(describe)));
}

async function refund() {
  const piId = values["payment-intent"];
  if (!piId) throw new Error("refund needs --payment-intent");
  const pi = await stripe.paymentIntents.retrieve(piId, { expand: ["latest_charge"] });
  const charge = pi.latest_charge as Stripe.Charge | null;
  if (!charge) throw new Error(`${piId} has no charge to refund`);

  const remaining = charge.amount - charge.amount_refunded;
  const amount = values.amount ? Number.parseInt(values.amount, 10) : remaining;
  if (!Number.isInteger(amount) || amount <= 0) throw new Error("amount must be a positive integer (cents)");
  if (amount > remaining) throw new Error(`only ${fmt(remaining, pi.currency)} is refundable`);

  const reason = values.reason as Stripe.RefundCreateParams.Reason | undefined;
  console.log(`mode: ${mode}`);
  console.log(`refund ${fmt(amount, pi.currency)} of ${fmt(charge.amount, pi.currency)} on ${piId}` +
    (reason ? ` (reason: ${reason})` : ""));

  if (!values.confirm) {
    console.log("dry run — re-run with --confirm to issue the refund");
    return;
  }

  const idempotencyKey = createHash("sha256").update(`${piId}:${amount}:${charge.amount_refunded}`).digest("hex");
  const r = await stripe.refunds.create({ payment_intent: piId, amount, reason }, { idempotencyKey });
  console.log(`refund ${r.id}: ${r.status}`);
}

const run = command === "find" ? find : command === "refund" ? refund : null;
if (!run) {
  console.error("usage: refund.ts <find|refund> [options]");
  process.exit(2);
}
run().catch((err) => {
  console.error(err instanceof Stripe.errors.StripeError ? `${err.type}: ${err.message}` : String(err));
  process.exit(1);
});
