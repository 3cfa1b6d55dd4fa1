import { readFileSync } from "node:fs";

export type Reading = { ts: string; import_kwh: number; export_kwh: number; gas_m3: number; source: string };

const halfHour = (d: Date) => {
  const t = new Date(d); t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() < 30 ? 0 : 30);
  return t.toISOString();
};

export async function collectShelly(url: string): Promise<Reading[]> {
  const res = await fetch(`${url.replace(/\/$/, "")}/status`);
  const s: any = await res.json();
  const emeters = s.emeters ?? [];
  const total = emeters.reduce((a: number, e: any) => a + (e.total ?? 0), 0) / 1000;
  const ret = emeters.reduce((a: number, e: any) => a + (e.total_returned ?? 0), 0) / 1000;
  return [{ ts: halfHour(new Date()), import_kwh: total, export_kwh: ret, gas_m3: 0, source: "shelly" }];
}

// DSMR telegrams: 1-0:1.8.1 / 1-0:1.8.2 (import T1/T2), 1-0:2.8.1 / 2.8.2 (export), 0-1:24.2.1 (gas)
export async function collectDsmr(dump: string): Promise<Reading[]> {
  const text = readFileSync(dump, "latin1");
  const rows: Reading[] = [];
  let prev: { imp: number; exp: number; gas: number } | null = null;
  for (const tg of text.split("!").filter((t) => t.includes("1-0:1.8.1"))) {
    const num = (re: RegExp) => Number((tg.match(re)?.[1] ?? "0"));
    const imp = num(/1-0:1\.8\.1\(([\d.]+)/) + num(/1-0:1\.8\.2\(([\d.]+)/);
    const exp = num(/1-0:2\.8\.1\(([\d.]+)/) + num(/1-0:2\.8\.2\(([\d.]+)/);
    const gas = num(/0-1:24\.2\.1\(\d+[SW]\)\(([\d.]+)/);
    const ts = tg.match(/0-0:1\.0\.0\((\d{12})/)?.[1];
    if (!ts) continue;
    const d = new Date(Date.UTC(2000 + +ts.slice(0, 2), +ts.slice(2, 4) - 1, +ts.slice(4, 6), +ts.slice(6, 8), +ts.slice(8, 10)));
    if (prev) rows.push({ ts: halfHour(d), import_kwh: imp - prev.imp, export_kwh: exp - prev.exp, gas_m3: gas - prev.gas, source: "dsmr" });
    prev = { imp, exp, gas };
  }
  return rows;
}

export const toCsv = (rows: Reading[]) =>
  "timestamp,import_kwh,export_kwh,gas_m3,source\n" +
  rows.map((r) => `${r.ts},${r.import_kwh.toFixed(3)},${r.export_kwh.toFixed(3)},${r.gas_m3.toFixed(3)},${r.source}`).join("\n") + "\n";
