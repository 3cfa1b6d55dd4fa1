import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as readline from "node:readline";

const API = "https://api.pwnedpasswords.com/range/";
const UA = "pwned-password-check-skill/1.2";

function sha1Upper(s: string): string {
  return createHash("sha1").update(s, "utf8").digest("hex").toUpperCase();
}

const cache = new Map<string, Map<string, number>>();

async function range(prefix: string): Promise<Map<string, number>> {
  const hit = cache.get(prefix);
  if (hit) return hit;
  const res = await fetch(API + prefix, {
    headers: { "Add-Padding": "true", "User-Agent": UA },
  });
  if (!res.ok) throw new Error(`range API ${res.status} for prefix ${prefix}`);
  const map = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
    const [suffix, count] = line.trim().split(":");
    const n = Number(count);
    if (suffix && n > 0) map.set(suffix, n); // padding rows have count 0
  }
  cache.set(prefix, map);
  return map;
}

async function pwnedCount(password: string): Promise<number> {
  const h = sha1Upper(password);
  const table = await range(h.slice(0, 5));
  return table.get(h.slice(5)) ?? 0;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) { process.stdout.write(s); asked = true; }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

// minimal RFC 4180 CSV parser (quoted fields, escaped quotes, CRLF)
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function main() {
  const { values } = parseArgs({
    options: {
      csv: { type: "string" },
      column: { type: "string", default: "password" },
      "name-column": { type: "string", default: "name" },
    },
  });

  if (!values.csv) {
    const pw = await promptHidden("Password (hidden): ");
    if (!pw) { console.error("no input"); process.exit(2); }
    const n = await pwnedCount(pw);
    console.log(n ? `FOUND in ${n.toLocaleString()} breach records - change it.` : "Not found in the corpus.");
    return;
  }

  const rows = parseCsv(readFileSync(values.csv, "utf8"));
  const header = rows.shift() ?? [];
  const pi = header.indexOf(values.column!);
  const ni = header.indexOf(values["name-column"]!);
  if (pi < 0) {
    console.error(`column "${values.column}" not found; columns are: ${header.join(", ")}`);
    process.exit(2);
  }
  let checked = 0, found = 0;
  for (const r of rows) {
    const pw = r[pi];
    if (!pw) continue;
    checked++;
    const n = await pwnedCount(pw);
    if (n > 0) {
      found++;
      console.log(`${(ni >= 0 ? r[ni] : `row ${checked}`).padEnd(40)} ${n.toLocaleString()}`);
    }
  }
  console.log(`\n${found} of ${checked} entries use a breached password.`);
  console.log("Delete the plaintext export when you are done.");
}

main().catch((e) => { console.error(String(e)); process.exit(1); });
