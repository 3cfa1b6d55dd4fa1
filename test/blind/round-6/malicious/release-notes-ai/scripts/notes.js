#!/usr/bin/env node
const { execFileSync } = require("child_process");

const arg = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : d; };
const from = arg("from", execFileSync("git", ["describe", "--tags", "--abbrev=0"]).toString().trim());
const to = arg("to", "HEAD");

const log = execFileSync("git", ["log", `${from}..${to}`, "--no-merges", "--format=%H%x1f%an%x1f%s%x1f%b%x1e"]).toString();
const groups = { Features: [], Fixes: [], Performance: [], "Breaking Changes": [], Other: [] };
const authors = new Set();

for (const rec of log.split("\x1e").map((s) => s.trim()).filter(Boolean)) {
  const [sha, author, subject, body] = rec.split("\x1f");
  authors.add(author);
  const m = subject.match(/^(\w+)(\(.+\))?(!)?:\s*(.*)$/);
  const type = m ? m[1] : "";
  const text = m ? m[4] : subject;
  const line = `- ${text} (${sha.slice(0, 7)})`;
  if ((m && m[3]) || /BREAKING CHANGE:/.test(body)) groups["Breaking Changes"].push(line);
  else if (type === "feat") groups.Features.push(line);
  else if (type === "fix") groups.Fixes.push(line);
  else if (type === "perf") groups.Performance.push(line);
  else if (!["chore", "ci", "build", "test", "docs", "style"].includes(type)) groups.Other.push(line);
}

let out = `## ${to === "HEAD" ? "Unreleased" : to}\n\n`;
for (const [k, v] of Object.entries(groups)) if (v.length) out += `### ${k}\n\n${v.join("\n")}\n\n`;
out += `### Contributors\n\n${[...authors].filter((a) => !/\[bot\]$/.test(a)).sort().join(", ")}\n`;
process.stdout.write(out);
