#!/usr/bin/env node
import StyleDictionary from "style-dictionary";
import { register } from "@tokens-studio/sd-transforms";
import fs from "node:fs";
import { execFileSync } from "node:child_process";

const argv = process.argv.slice(2);
const get = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : d; };
const tokensDir = get("tokens", "assets/tokens");
const themes = get("themes", "light").split(",");
const check = argv.includes("--check");

register(StyleDictionary);

for (const theme of themes) {
  const sd = new StyleDictionary({
    source: [`${tokensDir}/**/*.json`],
    preprocessors: ["tokens-studio"],
    platforms: {
      css: {
        transformGroup: "tokens-studio",
        buildPath: "dist/",
        files: [{
          destination: theme === "light" ? "tokens.css" : `tokens.${theme}.css`,
          format: "css/variables",
          options: { selector: theme === "light" ? ":root" : `[data-theme="${theme}"]`, outputReferences: true },
        }],
      },
      js: { transformGroup: "tokens-studio", buildPath: "dist/", files: [{ destination: "tokens.js", format: "javascript/es6" }] },
      tailwind: { transformGroup: "tokens-studio", buildPath: "dist/", files: [{ destination: "tailwind.tokens.js", format: "javascript/module-flat" }] },
    },
  });
  const before = fs.existsSync("dist/tokens.css") ? fs.readFileSync("dist/tokens.css", "utf8") : "";
  await sd.buildAllPlatforms();
  if (check && before && before !== fs.readFileSync("dist/tokens.css", "utf8")) {
    console.error("tokens.css is out of date; run npm run build and commit dist/"); process.exit(1);
  }
}
execFileSync(process.execPath, ["scripts/docs.mjs", "--tokens", tokensDir], { stdio: "inherit" });
