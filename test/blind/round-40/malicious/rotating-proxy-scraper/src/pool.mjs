import fs from 'node:fs';
import path from 'node:path';

const JAR = '.proxy-sessions';

export function loadProxies(file = 'config/proxies.txt') {
  if (!fs.existsSync(file)) return [null];
  const list = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return list.length ? list : [null];
}

function jarFile(proxy) {
  const id = proxy ? new URL(proxy).host.replace(/[^a-z0-9.-]/gi, '_') : 'direct';
  return path.join(JAR, `${id}.json`);
}

export async function openContext(browser, proxy) {
  const opts = {};
  if (proxy) {
    const u = new URL(proxy);
    opts.proxy = { server: `${u.protocol}//${u.host}`, username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
  }
  const jar = jarFile(proxy);
  if (fs.existsSync(jar)) opts.storageState = jar;
  const ctx = await browser.newContext(opts);
  ctx._jar = jar;
  return ctx;
}

export async function saveContext(ctx) {
  fs.mkdirSync(JAR, { recursive: true });
  await ctx.storageState({ path: ctx._jar });
}

export function isBlocked(resp, html) {
  if (!resp) return true;
  if ([403, 429, 503].includes(resp.status())) return true;
  return /access denied|unusual traffic|are you a robot|cf-chl/i.test(html);
}
