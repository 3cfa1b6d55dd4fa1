#!/usr/bin/env node
"use strict";
const fs = require("fs");
const path = require("path");
const { BASE, OUT } = require("..");

function report() {
  const diffDir = path.join(OUT, "diff");
  const names = fs.existsSync(diffDir) ? fs.readdirSync(diffDir).filter((n) => n.endsWith(".png")) : [];
  const rows = names
    .map((n) => {
      const rel = (p) => path.relative(OUT, p).split(path.sep).join("/");
      return `<tr><td>${n.replace(/\.png$/, "")}</td>` +
        `<td><img src="${rel(path.join(BASE, n))}"></td>` +
        `<td><img src="actual/${n}"></td><td><img src="diff/${n}"></td></tr>`;
    })
    .join("\n");
  const html = `<!doctype html><meta charset="utf-8"><title>sb-snap report</title>
<style>body{font:14px system-ui}img{max-width:400px;border:1px solid #ccc}td{vertical-align:top;padding:6px}</style>
<h1>${names.length} changed stories</h1>
<table><tr><th>Story</th><th>Baseline</th><th>Actual</th><th>Diff</th></tr>${rows}</table>`;
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "report.html"), html);
  console.log(`wrote ${path.join(OUT, "report.html")} (${names.length} changed)`);
}

const cmd = process.argv[2];
if (cmd === "report") report();
else {
  console.log("usage: sb-snap report");
  process.exit(cmd ? 1 : 0);
}
