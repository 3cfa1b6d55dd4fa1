/**
 * The acceptance path of a reader: open a skill page in Chromium, copy its install command, paste it
 * into a terminal in a project that has the CLI, answer the prompt, and get the audited files, verified.
 * The registry is served on the URL its index names, so the command the page shows reaches it.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegistryKeyPem, keySigner, registryKeyFromPem } from '../../signing/index.ts';
import { buildSite as buildCatalog, serveSite, type ServedSite } from '../../scripts/site.ts';
import { buildSite as writePublished, weatherSkill } from '../client/site-factory.ts';
import { runAsync } from '../factories/process.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path));

let work: string;
let site: ServedSite | undefined;
let browser: Browser | undefined;


/** A port nothing listens on now, for a registry whose index must name its own URL before it is served. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'copied-command-'));
  const data = join(work, 'published');
  await writePublished(data, { signer: keySigner(registryKeyFromPem(generateRegistryKeyPem())), skills: [weatherSkill('1.0.0')] });
  // Served where its index says it lives; a port taken in between is tried again with another.
  for (let attempt = 0; attempt < 3 && site === undefined; attempt += 1) {
    const port = await freePort();
    const indexPath = join(data, 'api', 'index.json');
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as { registry: { url: string } };
    index.registry.url = `http://127.0.0.1:${port}`;
    await writeFile(indexPath, JSON.stringify(index));
    const outDir = join(work, `site-${attempt}`);
    await buildCatalog({ dataDir: data, outDir });
    site = await serveSite({ outDir, port, host: '127.0.0.1' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') return undefined;
      throw error;
    });
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('an install command copied from a skill page', () => {
  it.skipIf(SCRIPT === undefined)('installs and verifies when pasted into a terminal as shown', async () => {
    const page = await browser!.newPage();
    page.setDefaultTimeout(180_000);
    expect((await page.goto(`${site!.url}/skills/acme/weather-lite/`))?.status()).toBe(200);
    const command = ((await page.locator('[data-install]').textContent()) ?? '').trim();
    await page.close();
    expect(command).toBe(`npx skill-registry install acme/weather-lite --registry ${site!.url}`);
    // A project with the CLI installed as a dependency, as a private registry's users have it.
    const project = join(work, 'project');
    await mkdir(join(project, '.git'), { recursive: true });
    await mkdir(join(project, 'node_modules', '.bin'), { recursive: true });
    await writeFile(join(project, 'package.json'), '{"name":"project","private":true}\n');
    await symlink(join(ROOT, 'bin', 'skill-registry.js'), join(project, 'node_modules', '.bin', 'skill-registry'));
    // A reader's terminal: none of the npm_* variables of the test runner's own npm.
    const terminal = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    const env = { ...terminal, PATH: `${resolve(process.execPath, '..')}:${process.env.PATH ?? ''}`, HOME: join(work, 'home'), SKILL_REGISTRY_URL: '', SKILL_REGISTRY_TRUST: '', SKILL_REGISTRY_STATE_DIR: join(work, 'state'), npm_config_update_notifier: 'false' };
    const pasted = await runAsync(SCRIPT!, ['-q', '-e', '-c', command, '/dev/null'], { cwd: project, env, input: 'y\n' });
    expect(pasted.status, pasted.stdout + pasted.stderr).toBe(0);
    expect(pasted.stdout).toContain('Installed acme/weather-lite@1.0.0');
    const installed = join(project, '.claude', 'skills', 'weather-lite');
    const verify = await runAsync(process.execPath, [join(ROOT, 'bin', 'skill-registry.js'), 'verify', installed, '--registry', site!.url], { cwd: project, env });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^Verified: .* exactly what .* audited as acme\/weather-lite@1\.0\.0/m);
  }, 600_000);
});
