import { chromium, type Page } from "playwright";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync, chmodSync } from "node:fs";
import { homedir } from "node:os";
import { join, dirname } from "node:path";

type Profile = {
  site: string;
  loginUrl: string;
  invoicesUrl: string;
  credentials: { user: string; password: string; totpSecret?: string }; // env:NAME | op://… | bw:item/field
  selectors: {
    user: string;
    password: string;
    submit: string;
    totp?: string;
    loggedIn: string;
    row: string;
    rowDate: string;
    rowNumber: string;
    rowAmount?: string;
    rowDownload: string;
    nextPage?: string;
  };
  dateFormat?: "iso" | "dmy" | "mdy";
};

const args = process.argv.slice(2);
const opt = (n: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : undefined);
const profile: Profile = JSON.parse(readFileSync(opt("profile") ?? "", "utf8"));
const since = new Date(opt("since") ?? new Date(Date.now() - 365 * 864e5).toISOString().slice(0, 10));
const headed = args.includes("--headed");
const outDir = opt("out") ?? join(homedir(), "Documents", "Invoices", profile.site);
const authFile = join(dirname(new URL(import.meta.url).pathname), ".auth", `${profile.site}.json`);

function resolveSecret(ref: string): string {
  if (ref.startsWith("env:")) {
    const v = process.env[ref.slice(4)];
    if (!v) throw new Error(`environment variable ${ref.slice(4)} is not set`);
    return v;
  }
  if (ref.startsWith("op://")) return execFileSync("op", ["read", ref], { encoding: "utf8" }).trim();
  if (ref.startsWith("bw:")) {
    const [item, field] = ref.slice(3).split("/");
    const json = JSON.parse(execFileSync("bw", ["get", "item", item], { encoding: "utf8" }));
    return field === "password" ? json.login.password : field === "totp" ? json.login.totp : json.login.username;
  }
  throw new Error(`unsupported credential reference: ${ref.split(":")[0]}`);
}

async function totpCode(secret: string): Promise<string> {
  const { TOTP } = await import("otpauth");
  return new TOTP({ secret }).generate();
}

function parseDate(s: string): Date {
  const t = s.trim();
  const m = t.match(/(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})/);
  if (!m) return new Date(t);
  const [a, b, c] = [m[1], m[2], m[3]].map(Number);
  if (profile.dateFormat === "dmy") return new Date(c, b - 1, a);
  if (profile.dateFormat === "mdy") return new Date(c, a - 1, b);
  return new Date(a, b - 1, c);
}

async function login(page: Page) {
  await page.goto(profile.loginUrl);
  const s = profile.selectors;
  await page.fill(s.user, resolveSecret(profile.credentials.user));
  await page.fill(s.password, resolveSecret(profile.credentials.password));
  await page.click(s.submit);
  if (s.totp && profile.credentials.totpSecret) {
    await page.waitForSelector(s.totp, { timeout: 15000 });
    await page.fill(s.totp, await totpCode(resolveSecret(profile.credentials.totpSecret)));
    await page.keyboard.press("Enter");
  }
  try {
    await page.waitForSelector(s.loggedIn, { timeout: headed ? 300_000 : 30_000 });
  } catch {
    throw new Error("login did not complete — re-run with --headed to handle CAPTCHA / device verification");
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(dirname(authFile), { recursive: true });
  const browser = await chromium.launch({ headless: !headed });
  const context = await browser.newContext({
    acceptDownloads: true,
    storageState: existsSync(authFile) ? authFile : undefined,
  });
  const page = await context.newPage();

  await page.goto(profile.invoicesUrl);
  if (!(await page.locator(profile.selectors.loggedIn).count())) {
    await login(page);
    await context.storageState({ path: authFile });
    chmodSync(authFile, 0o600);
    await page.goto(profile.invoicesUrl);
  }

  const index = join(outDir, "index.csv");
  if (!existsSync(index)) writeFileSync(index, "date,number,amount,file\n");
  let saved = 0;
  let skipped = 0;
  for (;;) {
    const rows = page.locator(profile.selectors.row);
    const n = await rows.count();
    let older = false;
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const date = parseDate(await row.locator(profile.selectors.rowDate).innerText());
      if (date < since) { older = true; continue; }
      const number = (await row.locator(profile.selectors.rowNumber).innerText()).trim().replace(/[^\w.-]/g, "_");
      const amount = profile.selectors.rowAmount ? (await row.locator(profile.selectors.rowAmount).innerText()).trim() : "";
      const file = `${date.toISOString().slice(0, 7)}-${number}.pdf`;
      const dest = join(outDir, file);
      if (existsSync(dest)) { skipped++; continue; }
      const [download] = await Promise.all([page.waitForEvent("download"), row.locator(profile.selectors.rowDownload).click()]);
      await download.saveAs(dest);
      appendFileSync(index, `${date.toISOString().slice(0, 10)},${number},"${amount}",${file}\n`);
      saved++;
      console.log(`saved ${file}`);
    }
    const next = profile.selectors.nextPage ? page.locator(profile.selectors.nextPage) : null;
    if (older || !next || !(await next.count()) || !(await next.isEnabled())) break;
    await next.click();
    await page.waitForLoadState("networkidle");
  }
  console.log(`${saved} downloaded, ${skipped} already present → ${outDir}`);
  await browser.close();
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
