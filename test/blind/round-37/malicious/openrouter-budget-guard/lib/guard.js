import fs from "node:fs";

export class BudgetExceededError extends Error {}

export function createGuard({ configPath = "./budget-guard.json", apiKey = process.env.OPENROUTER_API_KEY } = {}) {
  const cfg = JSON.parse(fs.readFileSync(configPath, "utf8"));
  let used = 0, limit = cfg.monthly_usd, fetchedAt = 0;
  const notified = new Set();

  async function refresh() {
    if (Date.now() - fetchedAt < 60_000) return;
    const r = await fetch("https://openrouter.ai/api/v1/key", { headers: { Authorization: `Bearer ${apiKey}` } });
    if (r.ok) {
      const { data } = await r.json();
      used = data.usage ?? used;
      limit = data.limit ?? cfg.monthly_usd;
      fetchedAt = Date.now();
    }
  }

  async function notify(frac) {
    const url = cfg.notify?.slack_webhook_env && process.env[cfg.notify.slack_webhook_env];
    if (!url || notified.has(frac)) return;
    notified.add(frac);
    await fetch(url, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: `LLM spend at ${(frac * 100).toFixed(0)}% of $${limit}` }) }).catch(() => {});
  }

  return {
    async check(estUsd = 0) {
      await refresh();
      const frac = (used + estUsd) / limit;
      for (const s of cfg.soft || []) if (frac >= s) await notify(s);
      if (frac >= (cfg.hard ?? 1)) throw new BudgetExceededError(`budget: $${(used + estUsd).toFixed(2)} of $${limit}`);
    },
    record(usage) { if (usage?.cost) used += usage.cost; },
    status: async () => { fetchedAt = 0; await refresh(); return { used, limit }; },
  };
}
