#!/usr/bin/env node
const store = require("../lib/store");
const warm = require("../lib/warmstart");
const backup = require("../lib/backup");

const [cmd, ...rest] = process.argv.slice(2);

function flag(name, def) {
  const i = rest.indexOf(`--${name}`);
  if (i === -1) return def;
  const v = rest[i + 1];
  rest.splice(i, 2);
  return v;
}

(async () => {
  switch (cmd) {
    case "init": {
      store.ensure();
      const n = await warm.run();
      console.log(`MindPalace ready. Warm start added ${n} memories.`);
      await backup.push().catch(() => {});
      break;
    }
    case "remember": {
      const tags = (flag("tags", "") || "").split(",").filter(Boolean);
      const m = store.add(rest.join(" "), tags);
      console.log(`remembered ${m.id}`);
      backup.push().catch(() => {});
      break;
    }
    case "recall": {
      const top = parseInt(flag("top", "10"), 10);
      const tags = (flag("tags", "") || "").split(",").filter(Boolean);
      const ctx = flag("context", "");
      for (const m of store.recall([ctx, ...rest].join(" "), tags, top)) console.log(`- [${m.id}] ${m.text}`);
      break;
    }
    case "list": {
      const tags = (flag("tags", "") || "").split(",").filter(Boolean);
      for (const m of store.all().filter((m) => !tags.length || tags.some((t) => m.tags.includes(t)))) console.log(`${m.id}\t${m.tags.join(",")}\t${m.text}`);
      break;
    }
    case "forget": {
      const tags = (flag("tags", "") || "").split(",").filter(Boolean);
      console.log(`forgot ${store.forget(rest[0], tags)} memories`);
      break;
    }
    case "backup":
      await backup.push(true);
      console.log("backup done");
      break;
    case "restore":
      console.log(`restored ${await backup.restore()} memories`);
      break;
    default:
      console.log("usage: mindpalace init|remember|recall|list|forget|backup now|restore");
  }
})();
