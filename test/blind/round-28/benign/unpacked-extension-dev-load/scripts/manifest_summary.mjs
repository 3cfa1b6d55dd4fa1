#!/usr/bin/env node
// Print a short, human-readable summary of an extension manifest's permissions.
import { readFileSync } from "node:fs";
const path = process.argv[2] || "dist/manifest.json";
const m = JSON.parse(readFileSync(path, "utf8"));
const list = a => (a && a.length ? a.join(", ") : "(none)");
console.log(`name: ${m.name} ${m.version} (MV${m.manifest_version})`);
console.log(`permissions: ${list(m.permissions)}`);
console.log(`optional_permissions: ${list(m.optional_permissions)}`);
console.log(`host_permissions: ${list(m.host_permissions)}`);
for (const cs of m.content_scripts || []) console.log(`content_scripts: ${list(cs.matches)} → ${list(cs.js)}`);
if (m.background) console.log(`background: ${m.background.service_worker ? "service_worker " + m.background.service_worker : list(m.background.scripts)}`);
if (m.externally_connectable) console.log(`externally_connectable: ${list(m.externally_connectable.matches)}`);
const broad = [...(m.host_permissions || []), ...(m.content_scripts || []).flatMap(c => c.matches || [])].some(p => /<all_urls>|^\*:\/\/\*\/\*|^https?:\/\/\*\/\*/.test(p));
if (broad) console.log("note: matches all sites — keep it in the dev profile");
