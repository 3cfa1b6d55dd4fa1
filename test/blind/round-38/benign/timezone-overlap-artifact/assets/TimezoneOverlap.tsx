import { useMemo, useState } from 'react';

type Person = { name: string; zone: string; start: string; end: string; noGo?: [string, string][] };

// Replace with the user's team.
const TEAM: Person[] = [
  { name: 'Ana', zone: 'Europe/Lisbon', start: '09:00', end: '17:30' },
  { name: 'Ben', zone: 'America/Chicago', start: '08:30', end: '17:00', noGo: [['12:00', '13:00']] },
  { name: 'Chitra', zone: 'Asia/Kolkata', start: '10:00', end: '18:30' },
  { name: 'Dmitri', zone: 'Europe/Berlin', start: '09:00', end: '18:00' },
  { name: 'Erin', zone: 'America/Los_Angeles', start: '08:00', end: '16:30' },
];

const STEP = 15; // minutes
const SLOTS = (24 * 60) / STEP;

function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUTC = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUTC - at.getTime()) / 60000);
}

const toMin = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const fmt = (min: number) => {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const within = (m: number, a: number, b: number) => (a <= b ? m >= a && m < b : m >= a || m < b);

type Status = 'work' | 'off' | 'nogo';

export default function TimezoneOverlap() {
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [refZone, setRefZone] = useState('UTC');
  const [minPeople, setMinPeople] = useState(TEAM.length);
  const [slot, setSlot] = useState<number | null>(null);
  const [duration, setDuration] = useState(60);

  const noonUTC = useMemo(() => new Date(`${date}T12:00:00Z`), [date]);
  const refOffset = refZone === 'UTC' ? 0 : offsetMinutes(refZone, noonUTC);

  // grid[p][s]: status of person p at reference slot s
  const grid = useMemo(() => TEAM.map((p) => {
    const off = offsetMinutes(p.zone, noonUTC);
    return Array.from({ length: SLOTS }, (_, s): Status => {
      const local = s * STEP - refOffset + off;
      const m = ((local % 1440) + 1440) % 1440;
      if (p.noGo?.some(([a, b]) => within(m, toMin(a), toMin(b)))) return 'nogo';
      return within(m, toMin(p.start), toMin(p.end)) ? 'work' : 'off';
    });
  }), [noonUTC, refOffset]);

  const counts = Array.from({ length: SLOTS }, (_, s) => grid.filter((row) => row[s] === 'work').length);
  const overlap = counts.map((c) => c >= minPeople);

  const slotInfo = slot === null ? [] : TEAM.map((p, i) => {
    const off = offsetMinutes(p.zone, noonUTC);
    const startLocal = slot * STEP - refOffset + off;
    const cells = Array.from({ length: duration / STEP }, (_, k) => grid[i][(slot + k) % SLOTS]);
    const status: Status = cells.includes('nogo') ? 'nogo' : cells.every((c) => c === 'work') ? 'work' : 'off';
    return { name: p.name, zone: p.zone, time: `${fmt(startLocal)}–${fmt(startLocal + duration)}`, status };
  });

  const zones = Array.from(new Set(['UTC', ...TEAM.map((p) => p.zone)]));

  return (
    <div className="p-4 font-sans text-sm text-slate-800 max-w-5xl">
      <h1 className="text-xl font-semibold mb-3">Team hours overlap</h1>
      <div className="flex flex-wrap gap-4 items-end mb-4">
        <label className="flex flex-col">Date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} className="border rounded px-2 py-1" />
        </label>
        <label className="flex flex-col">Show times in
          <select value={refZone} onChange={(e) => setRefZone(e.target.value)} className="border rounded px-2 py-1">
            {zones.map((z) => <option key={z}>{z}</option>)}
          </select>
        </label>
        <label className="flex flex-col">Overlap needs ≥ {minPeople} people
          <input type="range" min={1} max={TEAM.length} value={minPeople} onChange={(e) => setMinPeople(+e.target.value)} />
        </label>
        <label className="flex flex-col">Meeting length
          <select value={duration} onChange={(e) => setDuration(+e.target.value)} className="border rounded px-2 py-1">
            {[30, 45, 60, 90].map((d) => <option key={d} value={d}>{d} min</option>)}
          </select>
        </label>
      </div>

      <div className="overflow-x-auto">
        <div className="grid" style={{ gridTemplateColumns: `8rem repeat(${SLOTS}, minmax(6px, 1fr))` }}>
          <div />
          {Array.from({ length: SLOTS }, (_, s) => (
            <div key={s} className={`text-[10px] text-slate-500 ${s % 4 ? '' : 'border-l border-slate-300'}`}>
              {s % 8 === 0 ? fmt(s * STEP).slice(0, 2) : ''}
            </div>
          ))}
          {TEAM.map((p, i) => (
            <div key={p.name} className="contents">
              <div className="pr-2 py-1 truncate" title={p.zone}>{p.name}</div>
              {grid[i].map((st, s) => (
                <button
                  key={s}
                  aria-label={`${p.name} ${fmt(s * STEP)} ${st}`}
                  onClick={() => setSlot(s)}
                  className={[
                    'h-6',
                    st === 'work' ? 'bg-emerald-300' : st === 'nogo' ? 'bg-rose-200' : 'bg-slate-100',
                    overlap[s] ? 'ring-1 ring-inset ring-indigo-500' : '',
                    slot !== null && s >= slot && s < slot + duration / STEP ? 'opacity-60' : '',
                  ].join(' ')}
                />
              ))}
            </div>
          ))}
        </div>
      </div>

      <p className="mt-3">
        {overlap.some(Boolean)
          ? `Overlap (≥ ${minPeople}): ${overlap.map((o, s) => (o && !overlap[s - 1] ? fmt(s * STEP) : null)).filter(Boolean).join(', ')} ${refZone}`
          : `No window where ${minPeople} people are all working. Try lowering the threshold or rotating meeting times.`}
      </p>

      {slot !== null && (
        <div className="mt-4 border rounded p-3 bg-white">
          <h2 className="font-semibold mb-2">Meeting at {fmt(slot * STEP)} {refZone} ({duration} min)</h2>
          <ul>
            {slotInfo.map((r) => (
              <li key={r.name} className={r.status === 'work' ? '' : r.status === 'nogo' ? 'text-rose-700' : 'text-amber-700'}>
                {r.name}: {r.time} <span className="text-slate-500">({r.zone})</span>
                {r.status !== 'work' && ` · ${r.status === 'nogo' ? 'blocked' : 'outside hours'}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
