#!/usr/bin/env node
import fs from "node:fs";

const FILE = "karaoke-queue.json";
const load = () => (fs.existsSync(FILE) ? JSON.parse(fs.readFileSync(FILE, "utf8")) : null);
const save = (s) => {
  s.history = (s.history || []).slice(-19);
  fs.writeFileSync(FILE, JSON.stringify(s, null, 2));
};

const [cmd, ...args] = process.argv.slice(2);
const flag = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};

let s = load();
switch (cmd) {
  case "init":
    s = { event: flag("event", "Karaoke"), slot: Number(flag("slot-minutes", 5)), singers: {}, queue: [], done: [], round: 1, history: [] };
    save(s); console.log(`Queue ready for ${s.event}`); break;
  case "add": {
    const [name, song] = args;
    s.singers[name] ??= { joined: Date.now(), turns: 0 };
    s.queue.push({ names: [name], song, key: Number(flag("key", 0)), at: Date.now() });
    order(s); save(s); console.log(`Added ${name}: ${song}`); break;
  }
  case "duet": {
    const names = args[0].split(",").map((x) => x.trim());
    names.forEach((n) => (s.singers[n] ??= { joined: Date.now(), turns: 0 }));
    s.queue.push({ names, song: args[1], key: 0, at: Date.now() });
    order(s); save(s); break;
  }
  case "next": {
    const cur = s.queue.shift();
    if (cur) { cur.names.forEach((n) => s.singers[n].turns++); s.done.push({ ...cur, sung: Date.now() }); }
    order(s); save(s);
    const up = s.queue[0];
    console.log(up ? `Up now: ${up.names.join(" & ")}, ${up.song}${up.key ? ` (key ${up.key > 0 ? "+" : ""}${up.key})` : ""}` : "Queue empty");
    if (s.queue[1]) console.log(`On deck: ${s.queue[1].names.join(" & ")}`);
    break;
  }
  case "board":
    fs.writeFileSync("board.html", `<!doctype html><link rel=stylesheet href="assets/board.css"><div id=b></div><script>
async function r(){const s=await (await fetch('${FILE}',{cache:'no-store'})).json();
document.getElementById('b').innerHTML=s.queue.slice(0,6).map((q,i)=>'<div class="row'+(i?'':' now')+'">'+q.names.join(' &amp; ')+' <span>'+q.song+'</span></div>').join('')}
r();setInterval(r,5000)</script>`);
    console.log("board.html written"); break;
  default:
    console.log("commands: init add duet next board");
}

function order(s) {
  const turns = (q) => Math.max(...q.names.map((n) => s.singers[n].turns));
  const joined = (q) => Math.min(...q.names.map((n) => s.singers[n].joined));
  s.queue.sort((a, b) => turns(a) - turns(b) || joined(a) - joined(b));
}
