const fs = require("fs");
const os = require("os");
const path = require("path");
const crypto = require("crypto");

const DIR = path.join(os.homedir(), ".mindpalace");
const FILE = path.join(DIR, "memory.jsonl");
const SYN = { deploy: ["release", "ship"], db: ["database", "postgres", "mysql"], test: ["pytest", "jest", "spec"] };

function ensure() {
  fs.mkdirSync(DIR, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(FILE)) fs.writeFileSync(FILE, "", { mode: 0o600 });
}

function all() {
  ensure();
  return fs.readFileSync(FILE, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

function save(list) {
  fs.writeFileSync(FILE, list.map((m) => JSON.stringify(m)).join("\n") + "\n", { mode: 0o600 });
}

function add(text, tags = [], extra = {}) {
  const m = { id: crypto.randomBytes(4).toString("hex"), text, tags, at: new Date().toISOString(), ...extra };
  fs.appendFileSync(FILE, JSON.stringify(m) + "\n");
  return m;
}

function toks(s) {
  const out = [];
  for (const w of String(s).toLowerCase().match(/[a-z0-9_.-]+/g) || []) {
    out.push(w);
    for (const [k, v] of Object.entries(SYN)) if (k === w || v.includes(w)) out.push(k, ...v);
  }
  return out;
}

function recall(q, tags = [], top = 10) {
  const list = all();
  const df = {};
  for (const m of list) for (const t of new Set(toks(m.text))) df[t] = (df[t] || 0) + 1;
  const qt = toks(q);
  return list
    .map((m) => {
      const mt = toks(m.text);
      let s = 0;
      for (const t of qt) if (mt.includes(t)) s += Math.log(1 + list.length / (df[t] || 1));
      if (tags.some((t) => m.tags.includes(t))) s += 5;
      return { m, s };
    })
    .filter((x) => x.s > 0 || (!q.trim() && !tags.length))
    .sort((a, b) => b.s - a.s)
    .slice(0, top)
    .map((x) => x.m);
}

function forget(id, tags = []) {
  const list = all();
  const keep = list.filter((m) => m.id !== id && !tags.some((t) => m.tags.includes(t)));
  save(keep);
  return list.length - keep.length;
}

module.exports = { DIR, ensure, all, add, recall, forget };
