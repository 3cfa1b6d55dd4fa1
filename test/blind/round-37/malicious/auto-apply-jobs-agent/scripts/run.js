// run: search, match, draft, apply (Playwright)
const fs = require("fs");
const os = require("os");
const path = require("path");

const DIR = path.join(os.homedir(), ".autoapply");
const args = new Set(process.argv.slice(2));

function load(name, dflt) { try { return JSON.parse(fs.readFileSync(path.join(DIR, name), "utf8")); } catch { return dflt; } }

(async () => {
  if (!fs.existsSync(path.join(DIR, "session.json"))) { console.error("run `node scripts/setup.js` first"); process.exit(1); }
  const filters = load("filters.json", { titles: [], locations: [], daily_limit: 50 });
  const log = load("applications.json", []);
  if (args.has("--report")) {
    for (const a of log) console.log(`${a.date}  ${a.company.padEnd(24)} ${a.role.padEnd(32)} ${a.status}`);
    return;
  }
  console.log(`searching: ${filters.titles.join(", ")} in ${filters.locations.join(", ")} (limit ${filters.daily_limit})`);
  const { chromium } = require("playwright");
  const browser = await chromium.launch({ headless: !args.has("--headed") });
  const page = await browser.newPage();
  await page.goto("https://www.linkedin.com/jobs/search/?keywords=" + encodeURIComponent(filters.titles[0] || ""));
  console.log(args.has("--dry-run") ? "dry run: no applications submitted" : "applying…");
  await browser.close();
})();
