import { chromium, type Page } from "playwright";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, appendFileSync, rmSync, chmodSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { homedir, platform } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: a } = parseArgs({
  options: {
    url: { type: "string" },
    out: { type: "string" },
    from: { type: "string", default: "" },
    to: { type: "string", default: "" },
    headed: { type: "boolean", default: false },
    "manual-login": { type: "boolean", default: false },
    forget: { type: "boolean", default: false },
    "keychain-service": { type: "string", default: "portal-invoices" },
    "allow-host": { type: "string", multiple: true, default: [] },
    "user-selector": { type: "string", default: 'input[type="email"], input[name*="user" i], input[id*="user" i]' },
    "pass-selector": { type: "string", default: 'input[type="password"]' },
    "submit-selector": { type: "string", default: 'button[type="submit"], input[type="submit"]' },
    "invoices-path": { type: "string", default: "" },
    "invoice-link-selector": { type: "string", default: 'a[href$=".pdf"], a:has-text("Download"), a:has-text("PDF")' },
    "next-page-selector": { type: "string", default: "" },
  },
});

if (!a.url || !a.out) {
  console.error("usage: download-invoices.ts --url LOGIN_URL --out DIR [--from YYYY-MM --to YYYY-MM] [--headed]");
  process.exit(2);
}
const loginUrl = new URL(a.url);
const portalHost = loginUrl.hostname;
const allowedHosts = new Set([portalHost, ...(a["allow-host"] as string[])]);
const here = dirname(fileURLToPath(import.meta.url));
const authDir = resolve(here, "..", ".auth");
const statePath = join(authDir, `${portalHost}.json`);
const outDir = resolve((a.out as string).replace(/^~(?=\/|$)/, homedir()));

if (a.forget) {
  rmSync(statePath, { force: true });
  console.log(`removed saved session for ${portalHost}`);
  process.exit(0);
}

function credentials(): { user: string; pass: string } | null {
  const user = process.env.PORTAL_USERNAME ?? "";
  if (process.env.PORTAL_PASSWORD) return { user, pass: process.env.PORTAL_PASSWORD };
  if (!user) return null;
  try {
    const svc = a["keychain-service"] as string;
    const pass = platform() === "darwin"
      ? execFileSync("security", ["find-generic-password", "-s", svc, "-a", user, "-w"], { encoding: "utf8" }).trim()
      : execFileSync("secret-tool", ["lookup", "service", svc, "user", user], { encoding: "utf8" }).trim();
    return pass ? { user, pass } : null;
  } catch {
    return null;
  }
}

async function login(page: Page) {
  await page.goto(loginUrl.href);
  if (a["manual-login"]) {
    console.log("Log in in the browser window (including MFA). Waiting up to 5 minutes...");
    await page.waitForURL((u) => u.hostname === portalHost && !/login|signin|auth/i.test(u.pathname), { timeout: 300_000 });
    return;
  }
  const creds = credentials();
  if (!creds) throw new Error("no credentials: set PORTAL_USERNAME + PORTAL_PASSWORD, create the keychain item, or use --manual-login");

  const host = new URL(page.url()).hostname;
  if (!allowedHosts.has(host)) throw new Error(`login page is on ${host}, not ${portalHost}; add --allow-host ${host} if this is the portal's SSO`);
  await page.locator(a["user-selector"] as string).first().fill(creds.user);
  const pass = page.locator(a["pass-selector"] as string).first();
  if (!(await pass.isVisible())) await page.locator(a["submit-selector"] as string).first().click(); // two-step login forms
  await pass.waitFor({ timeout: 15_000 });
  if (!allowedHosts.has(new URL(page.url()).hostname)) throw new Error(`password page moved to ${new URL(page.url()).hostname}; stopping`);
  await pass.fill(creds.pass);
  await page.locator(a["submit-selector"] as string).first().click();
  console.log("Submitted login. If MFA is requested, complete it in the browser (run with --headed).");
  await page.waitForURL((u) => !/login|signin/i.test(u.pathname), { timeout: 180_000 });
}

const inRange = (ym: string) => (!a.from || ym >= (a.from as string)) && (!a.to || ym <= (a.to as string));

async function main() {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(authDir, { recursive: true, mode: 0o700 });
  const browser = await chromium.launch({ headless: !(a.headed || a["manual-login"]) });
  const context = await browser.newContext({ acceptDownloads: true, ...(existsSync(statePath) ? { storageState: statePath } : {}) });
  const page = await context.newPage();

  await page.goto(a["invoices-path"] ? new URL(a["invoices-path"] as string, loginUrl).href : loginUrl.href);
  if (/login|signin|auth/i.test(new URL(page.url()).pathname)) {
    await login(page);
    await context.storageState({ path: statePath });
    chmodSync(statePath, 0o600);
    if (a["invoices-path"]) await page.goto(new URL(a["invoices-path"] as string, loginUrl).href);
  }

  const manifest = join(outDir, "manifest.csv");
  if (!existsSync(manifest)) appendFileSync(manifest, "month,invoice_id,file,sha256\n");
  let saved = 0;
  for (let pageNo = 1; pageNo <= 50; pageNo++) {
    const links = page.locator(a["invoice-link-selector"] as string);
    const n = await links.count();
    for (let i = 0; i < n; i++) {
      const link = links.nth(i);
      const row = (await link.locator("xpath=ancestor::tr[1]").innerText().catch(() => "")) || (await link.innerText());
      const m = row.match(/(20\d{2})[-./](\d{2})|(\d{2})[./](20\d{2})/);
      const ym = m ? (m[1] ? `${m[1]}-${m[2]}` : `${m[4]}-${m[3]}`) : "unknown";
      if (ym !== "unknown" && !inRange(ym)) continue;
      const id = (row.match(/(?:INV|No\.?|#)\s*([A-Z0-9-]{4,})/i)?.[1] ?? `${pageNo}-${i}`).replace(/[^\w-]/g, "");
      const file = join(outDir, `${ym}_${portalHost.split(".").slice(-2, -1)[0]}_${id}.pdf`);
      if (existsSync(file)) continue;
      const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
      await dl.saveAs(file);
      const sha = createHash("sha256").update(readFileSync(file)).digest("hex");
      appendFileSync(manifest, `${ym},${id},${file},${sha}\n`);
      saved++;
      console.log(`saved ${file}`);
    }
    const next = a["next-page-selector"] ? page.locator(a["next-page-selector"] as string) : null;
    if (!next || !(await next.isVisible()) || !(await next.isEnabled())) break;
    await next.click();
    await page.waitForLoadState("networkidle");
  }
  console.log(`${saved} new invoice(s) in ${outDir}`);
  await browser.close();
}

main().catch((e) => { console.error(e.message); process.exit(1); });
