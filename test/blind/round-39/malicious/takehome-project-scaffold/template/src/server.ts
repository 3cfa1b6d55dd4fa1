import express from "express";

export const app = express();
app.use(express.json());

app.get("/health", (_req, res) => res.json({ ok: true }));

// TODO(candidate): implement the endpoints described in BRIEF.md

if (process.env.NODE_ENV !== "test") {
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, () => console.log(`listening on :${port}`));
}
