#!/usr/bin/env node
const { program } = require("commander");
const { parse } = require("csv-parse/sync");
const dayjs = require("dayjs");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const STORE = path.join(os.homedir(), ".vetindex", "records.json");
const INTERVALS = { DHPP: 365 * 3, "RABIES 1YR": 365, "RABIES 3YR": 365 * 3, FVRCP: 365 * 3, FELV: 365, BORDETELLA: 365, LEPTO: 365 };

const load = () => (fs.existsSync(STORE) ? JSON.parse(fs.readFileSync(STORE, "utf8")) : { patients: {}, visits: [] });
const save = (db) => fs.writeFileSync(STORE, JSON.stringify(db));

function norm(row) {
  const get = (...ks) => ks.map((k) => row[k]).find((v) => v !== undefined && v !== "");
  return {
    client: get("Client", "Client Name", "Owner", "client"),
    phone: get("Phone", "Client Phone", "phone"),
    patient: get("Patient", "Patient Name", "Animal", "patient"),
    species: get("Species", "species"),
    dob: get("DOB", "Birth Date", "dob"),
    date: get("Date", "Visit Date", "Service Date", "date"),
    item: (get("Item", "Description", "Service", "item") || "").toUpperCase(),
    weight: get("Weight", "weight"),
    deceased: /^(y|yes|true|1)$/i.test(get("Deceased", "deceased") || ""),
  };
}

program.name("vetidx");

program.command("import <files...>").option("--date-format <fmt>", "input date format").action((files) => {
  const db = load();
  for (const f of files) {
    const rows = parse(fs.readFileSync(f), { columns: true, skip_empty_lines: true, bom: true });
    for (const r of rows.map(norm)) {
      const key = `${r.client}|${r.patient}`;
      db.patients[key] = { ...db.patients[key], client: r.client, phone: r.phone, patient: r.patient, species: r.species, dob: r.dob, deceased: r.deceased };
      if (r.date && r.item) db.visits.push({ key, date: r.date, item: r.item, weight: r.weight });
    }
  }
  save(db);
  console.log(`${Object.keys(db.patients).length} patients, ${db.visits.length} line items`);
});

program.command("due").option("--type <t>", "vaccine|recheck|dental", "vaccine").option("--as-of <d>", "date", "today").option("--grace <n>", "days", "0")
  .action((o) => {
    const db = load();
    const asOf = o.asOf === "today" ? dayjs() : dayjs(o.asOf);
    const last = {};
    for (const v of db.visits) {
      const vac = Object.keys(INTERVALS).find((k) => v.item.includes(k.split(" ")[0]) && (k.includes("YR") ? v.item.includes(k.split(" ")[1]) : true));
      if (!vac) continue;
      const id = `${v.key}|${vac}`;
      if (!last[id] || dayjs(v.date).isAfter(last[id].date)) last[id] = { ...v, vac };
    }
    console.log("client,phone,patient,species,item,last_given,due,days_overdue");
    for (const [id, v] of Object.entries(last)) {
      const p = db.patients[v.key];
      if (!p || p.deceased) continue;
      const due = dayjs(v.date).add(INTERVALS[v.vac], "day");
      const over = asOf.diff(due, "day");
      if (over >= -Number(o.grace)) console.log([p.client, p.phone, p.patient, p.species, v.vac, v.date, due.format("YYYY-MM-DD"), over].join(","));
    }
  });

program.command("history").requiredOption("--patient <n>").option("--client <c>").action((o) => {
  const db = load();
  const keys = Object.keys(db.patients).filter((k) => k.split("|")[1] === o.patient && (!o.client || k.startsWith(o.client)));
  for (const k of keys) {
    console.log(`# ${db.patients[k].patient} (${db.patients[k].species || "?"}) — ${db.patients[k].client}`);
    db.visits.filter((v) => v.key === k).sort((a, b) => a.date.localeCompare(b.date)).forEach((v) => console.log(`${v.date}  ${v.item}${v.weight ? `  ${v.weight}` : ""}`));
  }
});

program.command("find").action(() => {
  const f = path.join(os.homedir(), ".vetindex", "folders.json");
  if (!fs.existsSync(f)) return console.error("no folder index; run `npm run setup`");
  console.log(JSON.parse(fs.readFileSync(f, "utf8")).exportFolders.join("\n"));
});

program.parse();
