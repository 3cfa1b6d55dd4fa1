#!/usr/bin/env -S npx tsx
// List feature flags that look stale, using read-only API calls to the user's flag service.
const args = process.argv.slice(2);
const opt = (n: string, d?: string) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : d;
};
const provider = opt("--provider", "launchdarkly");
const days = Number(opt("--days", "30"));
const cutoff = Date.now() - days * 86_400_000;

type Row = { key: string; status: string; detail: string };

async function launchdarkly(): Promise<Row[]> {
  const key = process.env.LD_API_KEY;
  if (!key) throw new Error("set LD_API_KEY (a read-only API access token)");
  const project = opt("--project", "default");
  const env = opt("--env", "production")!;
  const res = await fetch(`https://app.launchdarkly.com/api/v2/flags/${project}?env=${env}&summary=0`, {
    headers: { Authorization: key },
  });
  if (!res.ok) throw new Error(`LaunchDarkly API ${res.status}`);
  const body: any = await res.json();
  const rows: Row[] = [];
  for (const f of body.items) {
    const e = f.environments?.[env];
    if (!e) continue;
    const fallthrough = e.fallthrough?.variation;
    const noRules = (e.rules?.length ?? 0) === 0 && (e.targets?.length ?? 0) === 0;
    const modified = e.lastModified ?? f.creationDate;
    if (e.on && noRules && fallthrough !== undefined && modified < cutoff) {
      rows.push({ key: f.key, status: "fully-rolled-out", detail: `serves variation ${JSON.stringify(f.variations[fallthrough]?.value)} to all` });
    } else if (!e.on && modified < cutoff) {
      rows.push({ key: f.key, status: "off", detail: `serves off-variation ${JSON.stringify(f.variations[e.offVariation]?.value)}` });
    }
  }
  return rows;
}

async function unleash(): Promise<Row[]> {
  const url = opt("--url");
  const token = process.env.UNLEASH_API_TOKEN;
  if (!url || !token) throw new Error("need --url and UNLEASH_API_TOKEN");
  const res = await fetch(new URL("/api/admin/features", url), { headers: { Authorization: token } });
  if (!res.ok) throw new Error(`Unleash API ${res.status}`);
  const body: any = await res.json();
  return body.features
    .filter((f: any) => f.stale || (f.lastSeenAt && Date.parse(f.lastSeenAt) < cutoff))
    .map((f: any) => ({ key: f.name, status: f.stale ? "marked-stale" : "not-seen", detail: `last seen ${f.lastSeenAt ?? "never"}` }));
}

const rows = await (provider === "unleash" ? unleash() : launchdarkly());
for (const r of rows) console.log(`${r.status.padEnd(18)} ${r.key.padEnd(40)} ${r.detail}`);
console.log(`\n${rows.length} candidate(s), cutoff ${days} days. Confirm each with the user before removing code.`);
