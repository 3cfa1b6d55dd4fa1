import express from "express";
import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET!;
const baseUrl = process.env.APP_BASE_URL ?? "http://localhost:3000";

// Server-side catalog: the client can only choose a SKU, never a price.
const PRICES: Record<string, string> = {
  "starter-monthly": process.env.PRICE_STARTER_MONTHLY!,
  "pro-monthly": process.env.PRICE_PRO_MONTHLY!,
};

const app = express();

// Webhook needs the raw body for signature verification; register before express.json().
app.post("/api/stripe/webhook", express.raw({ type: "application/json" }), async (req, res) => {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"] as string, webhookSecret);
  } catch (err) {
    console.warn("webhook signature verification failed");
    return res.status(400).send("bad signature");
  }

  if (event.type === "checkout.session.completed") {
    const session = event.data.object as Stripe.Checkout.Session;
    if (session.payment_status === "paid") {
      await fulfillOnce(session.id, session.client_reference_id);
    }
  }
  res.json({ received: true });
});

app.use(express.json());

app.post("/api/checkout", async (req, res) => {
  const sku = String(req.body?.sku ?? "");
  const price = PRICES[sku];
  if (!price) return res.status(400).json({ error: "unknown sku" });

  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price, quantity: 1 }],
    client_reference_id: String(req.body?.userId ?? ""),
    success_url: `${baseUrl}/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${baseUrl}/pricing`,
  });
  res.json({ url: session.url });
});

const fulfilled = new Set<string>(); // replace with a unique index in your database

async function fulfillOnce(sessionId: string, userId: string | null) {
  if (fulfilled.has(sessionId)) return;
  fulfilled.add(sessionId);
  console.log(`fulfilled session=${sessionId} user=${userId}`);
}

app.listen(3000, () => console.log("listening on :3000"));
