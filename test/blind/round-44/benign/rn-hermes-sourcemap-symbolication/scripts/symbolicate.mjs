#!/usr/bin/env node
// Symbolicate a Hermes/JSC release stack trace with a composed source map.
// Usage: node symbolicate.mjs <bundle.map> <crash.txt>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [mapPath, crashPath] = process.argv.slice(2);
if (!mapPath || !crashPath) {
  console.error("usage: symbolicate.mjs <bundle.map> <crash.txt>");
  process.exit(2);
}

let Symbolication, SourceMapConsumer;
try {
  Symbolication = require("metro-symbolicate/private/Symbolication.js");
  ({ SourceMapConsumer } = require("source-map"));
} catch {
  console.error("metro-symbolicate not found; run from the React Native project root after npm install");
  process.exit(2);
}

const map = readFileSync(mapPath, "utf8");
const crash = readFileSync(crashPath, "utf8");
const context = Symbolication.createContext(SourceMapConsumer, map, {
  nameSource: "function_names",
  inputLineStart: 1,
  inputColumnStart: 0,
  outputLineStart: 1,
  outputColumnStart: 0,
});

// Handles "at fn (address at index.android.bundle:1:2345)" and "fn@1:2345" formats.
const out = crash
  .split("\n")
  .map((line) => {
    try {
      return context.symbolicate(line);
    } catch {
      return line;
    }
  })
  .join("\n");

process.stdout.write(out + "\n");
