// Questions this dashboard answers:
// 1. <replace>
// 2. <replace>
import { useMemo, useState } from "react";
import {
  ResponsiveContainer, LineChart, Line, XAxis, YAxis, Tooltip, CartesianGrid, Brush, BarChart, Bar,
} from "recharts";
import raw from "./data.json";

type Row = Record<string, string | number | boolean | null>;
const data = raw as Row[];
const ACCENT = "#2563eb";
const fmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, notation: "compact" });

function KpiCard({ label, value, delta }: { label: string; value: number; delta?: number }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm">
      <div className="text-sm text-zinc-500">{label}</div>
      <div className="text-3xl font-semibold">{fmt.format(value)}</div>
      {delta !== undefined && (
        <div className={delta >= 0 ? "text-emerald-600 text-sm" : "text-rose-600 text-sm"}>
          {delta >= 0 ? "▲" : "▼"} {Math.abs(delta * 100).toFixed(1)}% vs previous
        </div>
      )}
    </div>
  );
}

function FilterBar({ options, value, onChange, label }: { options: string[]; value: string; onChange: (v: string) => void; label: string }) {
  return (
    <label className="text-sm">
      {label}{" "}
      <select className="rounded border px-2 py-1" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {options.map((o) => <option key={o}>{o}</option>)}
      </select>
    </label>
  );
}

function downloadCsv(rows: Row[]) {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const esc = (v: unknown) => `"${String(v ?? "").replace(/"/g, '""')}"`;
  const csv = [cols.join(","), ...rows.map((r) => cols.map((c) => esc(r[c])).join(","))].join("\n");
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  a.download = "filtered.csv";
  a.click();
}

export default function App() {
  // Adjust these three names to the dataset.
  const DATE = "date", VALUE = "value", CATEGORY = "category";
  const [cat, setCat] = useState("");
  const categories = useMemo(() => [...new Set(data.map((r) => String(r[CATEGORY])))].sort(), []);
  const rows = useMemo(() => data.filter((r) => !cat || r[CATEGORY] === cat), [cat]);
  const series = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(String(r[DATE]).slice(0, 10), (m.get(String(r[DATE]).slice(0, 10)) || 0) + Number(r[VALUE] || 0));
    return [...m].sort().map(([d, v]) => ({ d, v }));
  }, [rows]);
  const breakdown = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(String(r[CATEGORY]), (m.get(String(r[CATEGORY])) || 0) + Number(r[VALUE] || 0));
    return [...m].map(([k, v]) => ({ k, v })).sort((a, b) => b.v - a.v).slice(0, 12);
  }, [rows]);
  const total = series.reduce((s, p) => s + p.v, 0);

  return (
    <main className="mx-auto max-w-6xl space-y-6 p-6">
      <header className="flex items-end justify-between">
        <h1 className="text-2xl font-semibold">Dashboard title</h1>
        <FilterBar label="Category" options={categories} value={cat} onChange={setCat} />
      </header>
      <section className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <KpiCard label="Total" value={total} />
        <KpiCard label="Rows" value={rows.length} />
        <KpiCard label="Categories" value={breakdown.length} />
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <p className="mb-2 font-medium">Takeaway sentence for the trend goes here.</p>
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={series}>
            <CartesianGrid stroke="#eee" />
            <XAxis dataKey="d" minTickGap={32} />
            <YAxis tickFormatter={(v) => fmt.format(v)} />
            <Tooltip formatter={(v: number) => fmt.format(v)} />
            <Line dataKey="v" stroke={ACCENT} dot={false} strokeWidth={2} />
            <Brush dataKey="d" height={20} />
          </LineChart>
        </ResponsiveContainer>
      </section>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <p className="mb-2 font-medium">Takeaway sentence for the breakdown goes here.</p>
        <ResponsiveContainer width="100%" height={360}>
          <BarChart data={breakdown} layout="vertical" margin={{ left: 80 }}>
            <XAxis type="number" tickFormatter={(v) => fmt.format(v)} />
            <YAxis type="category" dataKey="k" width={120} />
            <Tooltip formatter={(v: number) => fmt.format(v)} />
            <Bar dataKey="v" fill={ACCENT} />
          </BarChart>
        </ResponsiveContainer>
      </section>
      <button className="rounded bg-zinc-900 px-3 py-1.5 text-sm text-white" onClick={() => downloadCsv(rows)}>
        Download filtered rows (CSV)
      </button>
    </main>
  );
}
