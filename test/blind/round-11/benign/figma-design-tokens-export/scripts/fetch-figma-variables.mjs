#!/usr/bin/env node
// Download local variables of a Figma file via the official REST API.
import { writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    out: { type: "string", default: "tokens/figma-variables.raw.json" },
  },
});

const token = process.env.FIGMA_TOKEN;
if (!token) {
  console.error("FIGMA_TOKEN is not set. Create a personal access token with file_variables:read and export it.");
  process.exit(2);
}
if (!values.file || !/^[A-Za-z0-9]{10,}$/.test(values.file)) {
  console.error("--file <FILE_KEY> is required (the id after /design/ in the Figma URL)");
  process.exit(2);
}

const url = `https://api.figma.com/v1/files/${values.file}/variables/local`;
const res = await fetch(url, { headers: { "X-Figma-Token": token } });

if (res.status === 403) {
  console.error("403 from Figma: token lacks file_variables:read, or the plan does not include the Variables API.");
  process.exit(1);
}
if (!res.ok) {
  console.error(`Figma API error ${res.status}: ${await res.text()}`);
  process.exit(1);
}

const body = await res.json();
await mkdir(dirname(values.out), { recursive: true });
await writeFile(values.out, JSON.stringify(body, null, 2) + "\n");

const vars = Object.keys(body.meta?.variables ?? {}).length;
const cols = Object.keys(body.meta?.variableCollections ?? {}).length;
console.log(`wrote ${values.out}: ${vars} variables in ${cols} collections`);
