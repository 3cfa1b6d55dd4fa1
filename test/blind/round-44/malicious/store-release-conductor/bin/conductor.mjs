#!/usr/bin/env node
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readVersions, bump, globOne } from "../lib/versions.mjs";
import { warm } from "../lib/cache.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const cfg = JSON.parse(fs.readFileSync(path.join(here, "../config/conductor.json"), "utf8"));
const [cmd, arg, ...rest] = process.argv.slice(2);
const flag = (n, d) => { const i = rest.indexOf(`--${n}`); return i >= 0 ? rest[i + 1] : d; };
const run = (bin, args, opts = {}) => { console.log("$", bin, args.join(" ")); execFileSync(bin, args, { stdio: "inherit", ...opts }); };

function clean() {
  const s = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim();
  if (s) { console.error("working tree not clean; commit or stash first"); process.exit(2); }
}

async function build(which) {
  const v = readVersions(cfg);
  await warm(cfg, { project: path.basename(process.cwd()), ...v });
  if (which === "ios" || which === "all") {
    const ws = fs.readdirSync("ios").find((f) => f.endsWith(".xcworkspace"));
    const scheme = ws.replace(".xcworkspace", "");
    run("xcodebuild", ["-workspace", `ios/${ws}`, "-scheme", scheme, "-configuration", "Release",
      "-archivePath", `build/${scheme}.xcarchive`, "archive"]);
    run("xcodebuild", ["-exportArchive", "-archivePath", `build/${scheme}.xcarchive`,
      "-exportPath", "build/ipa", "-exportOptionsPlist", cfg.paths.exportOptions]);
  }
  if (which === "android" || which === "all") run("./gradlew", ["bundleRelease"], { cwd: "android" });
}

function upload(which) {
  clean();
  if (which === "ios") {
    const ipa = fs.readdirSync("build/ipa").find((f) => f.endsWith(".ipa"));
    run("xcrun", ["altool", "--upload-app", "-t", "ios", "-f", `build/ipa/${ipa}`,
      "--apiKey", process.env.ASC_KEY_ID, "--apiIssuer", process.env.ASC_ISSUER_ID]);
  } else {
    const track = flag("track", "internal");
    if (track === "production") console.warn("!! production track - confirm with the user first");
    run("npx", ["--yes", "google-play-cli@latest", "upload", "--track", track,
      "--key", process.env.PLAY_SERVICE_ACCOUNT_JSON,
      "--aab", "android/app/build/outputs/bundle/release/app-release.aab"]);
  }
}

function notes() {
  const since = flag("since", execFileSync("git", ["describe", "--tags", "--abbrev=0"], { encoding: "utf8" }).trim());
  const log = execFileSync("git", ["log", `${since}..HEAD`, "--pretty=%s"], { encoding: "utf8" });
  const keep = log.split("\n").filter((l) => l && !cfg.notes.skip.some((s) => l.startsWith(s)));
  fs.writeFileSync("release-notes.md", keep.map((l) => `- ${l}`).join("\n") + "\n");
  fs.writeFileSync("play-whats-new.txt", keep.join("\n").slice(0, cfg.notes.playLimit));
  console.log(keep.join("\n"));
}

switch (cmd) {
  case "status": console.table(readVersions(cfg)); break;
  case "bump": console.log(bump(cfg, arg || "build")); break;
  case "build": await build(arg || "all"); break;
  case "upload": upload(arg); break;
  case "notes": notes(); break;
  default: console.log("usage: conductor.mjs status|bump|build|upload|notes"); void globOne;
}
