import { Hono } from "hono";

type Bindings = { CACHE: KVNamespace; API_KEY: string; ENVIRONMENT: string };

const app = new Hono<{ Bindings: Bindings }>();

app.get("/health", (c) => c.json({ ok: true, env: c.env.ENVIRONMENT }));

app.get("/cached/:key", async (c) => {
  const v = await c.env.CACHE.get(c.req.param("key"));
  return v ? c.text(v) : c.notFound();
});

app.put("/cached/:key", async (c) => {
  if (c.req.header("x-api-key") !== c.env.API_KEY) return c.text("forbidden", 403);
  await c.env.CACHE.put(c.req.param("key"), await c.req.text(), { expirationTtl: 3600 });
  return c.body(null, 204);
});

export default app;
