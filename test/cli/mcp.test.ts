import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCKFILE_NAME } from '../../client/index.ts';
import { generateRegistryKeyPem, keySigner, registryKeyFromPem } from '../../signing/index.ts';
import { serveFolder } from '../client/serve.ts';
import { buildSite, digestOf, weatherSkill, type PublishedSkill, type SkillFixture } from '../client/site-factory.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'skill-registry.js');
// Generous: the server is a real process that starts Node, downloads and verifies; a loaded machine is slow, never stuck.
const CALL = { timeout: 120_000 };

const signer = keySigner(registryKeyFromPem(generateRegistryKeyPem()));
const revoked: SkillFixture = { publisher: 'mallory', name: 'helpful-notes', version: '0.1.0', description: 'Takes notes for you.', files: { 'SKILL.md': '---\nname: helpful-notes\n---\nNotes.\n' } };
const gist: SkillFixture = {
  publisher: 'bob',
  name: 'gist-share',
  version: '0.2.0',
  description: 'Shares a file as a GitHub gist.',
  files: { 'SKILL.md': '---\nname: gist-share\n---\nRun `gh gist create FILE`.\n' },
  verdict: 'warn',
  capabilities: { network: ['api.github.com'], env: ['GITHUB_TOKEN'], commands: ['gh'] },
  reasons: ['Declares credential environment variables: GITHUB_TOKEN.'],
};

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };

let work: string;
let site: { url: string; close: () => Promise<void> };
let published: PublishedSkill[];
const clients: Client[] = [];
let folders = 0;

/** A fresh skills folder for one server. */
async function skillsFolder(): Promise<string> {
  folders += 1;
  return join(work, `skills-${folders}`);
}

/** Starts `skill-registry mcp` through the SDK's own stdio client, answering elicitations with `ask` when given. */
async function connect(registry: string, directory: string, ask?: (request: ElicitRequest) => ElicitResult): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--registry', registry, '--dir', directory],
    cwd: work,
    // Only what the server needs: no real HOME (verify_installed must not read the user's skills), the test's state folder.
    env: { ...getDefaultEnvironment(), HOME: join(work, 'home'), SKILL_REGISTRY_STATE_DIR: process.env.SKILL_REGISTRY_STATE_DIR ?? join(work, 'state') },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'skill-registry-test', version: '1.0.0' }, { capabilities: ask ? { elicitation: { form: {} } } : {} });
  if (ask) client.setRequestHandler(ElicitRequestSchema, (request) => ask(request));
  await client.connect(transport, CALL);
  clients.push(client);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, CALL)) as ToolResult;
}

function textOf(result: ToolResult): string {
  return result.content.map((part) => part.text ?? '').join('\n');
}

async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'skill-registry-mcp-'));
  await mkdir(join(work, 'home'));
  published = await buildSite(join(work, 'site'), {
    signer,
    skills: [weatherSkill('1.0.0'), weatherSkill('1.1.0'), gist, revoked],
    revocations: [{ digest: digestOf(revoked), reason: 'Steals tokens.', date: '2026-11-21T00:00:00.000Z' }],
  });
  site = await serveFolder(join(work, 'site'));
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

afterAll(async () => {
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

describe('skill-registry mcp', () => {
  it('lists search, info, verify, verify_installed and install, each described in a few lines', async () => {
    const client = await connect(site.url, await skillsFolder());
    const { tools } = await client.listTools(undefined, CALL);
    expect(tools.map((tool) => tool.name).sort()).toEqual(['info', 'install', 'search', 'verify', 'verify_installed']);
    for (const tool of tools) expect(tool.description!.length).toBeLessThan(500);
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    expect(byName.install.annotations?.readOnlyHint).toBe(false);
    expect(byName.search.annotations?.readOnlyHint).toBe(true);
    expect(Object.keys(byName.install.inputSchema.properties ?? {}).sort()).toEqual(['confirmation', 'skill']);
    expect(client.getInstructions()).toMatch(/user's yes/);
  });

  it('searches the registry, reads a skill and its audit, and verifies a digest', async () => {
    const client = await connect(site.url, await skillsFolder());
    const search = await call(client, 'search', { query: 'weather' });
    expect(search.isError).toBeFalsy();
    expect(textOf(search)).toContain('acme/weather-lite');
    expect(search.structuredContent).toMatchObject({ total: 1, skills: [{ publisher: 'acme', name: 'weather-lite', version: '1.1.0' }] });

    const info = await call(client, 'info', { skill: 'bob/gist-share' });
    expect(info.isError).toBeFalsy();
    expect(textOf(info)).toMatch(/network\s+api\.github\.com/);
    expect(textOf(info)).toMatch(/env\s+GITHUB_TOKEN/);
    const record = (info.structuredContent as { record: Record<string, unknown> }).record;
    expect(record.digest).toBe(published[2].digest);
    // SKILL.md is the skill's own instructions: the agent does not get them before the user chose the skill.
    expect(record).not.toHaveProperty('readme');

    const verify = await call(client, 'verify', { digest: published[1].digest });
    expect(verify.isError).toBeFalsy();
    expect(verify.structuredContent).toMatchObject({ verified: true, digest: published[1].digest, steps: [{ step: 'record', status: 'ok' }, { step: 'attestation', status: 'ok' }, { step: 'revocation', status: 'ok' }] });

    const revokedCheck = await call(client, 'verify', { digest: digestOf(revoked) });
    expect(revokedCheck.structuredContent).toMatchObject({ verified: false, error: { code: 'REVOKED' } });
    expect(textOf(revokedCheck)).toContain('Steals tokens.');
  });

  it('answers unknown skills and bad arguments with tool errors in plain words, and keeps serving', async () => {
    const directory = await skillsFolder();
    const client = await connect(site.url, directory);
    const unknown = await call(client, 'info', { skill: 'nobody/nothing' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/lists no skill nobody\/nothing/);
    const escaping = await call(client, 'install', { skill: '../../etc/cron.d' });
    expect(escaping.isError).toBe(true);
    expect(textOf(escaping)).toMatch(/is not a skill name/);
    const neither = await call(client, 'verify', {});
    expect(neither.isError).toBe(true);
    expect(textOf(neither)).toMatch(/Give either digest or path/);
    const notAString = await call(client, 'search', { query: 42 });
    expect(notAString.isError).toBe(true);
    expect(await entries(directory)).toEqual([]);
    expect((await call(client, 'search', { query: 'pdf' })).isError).toBeFalsy();
  });

  it('answers every call a client wrote before closing its input, then exits 0', async () => {
    const server = spawn(process.execPath, [BIN, 'mcp', '--registry', site.url, '--dir', await skillsFolder()], { cwd: work, env: { ...getDefaultEnvironment(), HOME: join(work, 'home'), SKILL_REGISTRY_STATE_DIR: process.env.SKILL_REGISTRY_STATE_DIR ?? join(work, 'state') }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'verify', arguments: { digest: published[0].digest } } },
    ];
    server.stdin.end(messages.map((message) => `${JSON.stringify(message)}\n`).join(''));
    const [code] = (await once(server, 'close')) as [number | null];
    expect(code).toBe(0);
    const answers = output.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: { structuredContent: { verified: boolean } } });
    expect(answers.map((answer) => answer.id)).toEqual([1, 2]);
    expect(answers[1].result.structuredContent.verified).toBe(true);
  });

  describe('install, when the client cannot ask the user', () => {
    it('previews what the skill can do and writes nothing, then installs with the confirmation, which works once', async () => {
      const directory = await skillsFolder();
      const client = await connect(site.url, directory);
      const preview = await call(client, 'install', { skill: 'gist-share' });
      expect(preview.isError).toBeFalsy();
      const pending = preview.structuredContent as { installed: boolean; needsConfirmation: boolean; confirmation: string; preview: { capabilities: { env: string[] }; warnings: string[] } };
      expect(pending).toMatchObject({ installed: false, needsConfirmation: true });
      expect(pending.preview.capabilities.env).toEqual(['GITHUB_TOKEN']);
      expect(pending.preview.warnings).toEqual(['Declares credential environment variables: GITHUB_TOKEN.']);
      expect(textOf(preview)).toMatch(/env\s+GITHUB_TOKEN/);
      expect(textOf(preview)).toContain(pending.confirmation);
      expect(await entries(directory)).toEqual([]);

      const installed = await call(client, 'install', { skill: 'bob/gist-share@0.2.0', confirmation: pending.confirmation });
      expect(installed.isError, textOf(installed)).toBeFalsy();
      expect(installed.structuredContent).toMatchObject({ installed: true, path: join(directory, 'gist-share') });
      expect(await entries(directory)).toEqual(['gist-share', LOCKFILE_NAME]);
      expect(await readFile(join(directory, 'gist-share', 'SKILL.md'), 'utf8')).toContain('gh gist create');

      const again = await call(client, 'install', { skill: 'gist-share', confirmation: pending.confirmation });
      expect(again.isError).toBe(true);
      expect(again.structuredContent).toMatchObject({ error: { code: 'CONFIRMATION_REFUSED' } });
    });

    it('refuses a made-up token and a token issued for another skill, writing nothing', async () => {
      const directory = await skillsFolder();
      const client = await connect(site.url, directory);
      const madeUp = await call(client, 'install', { skill: 'acme/weather-lite', confirmation: 'yes' });
      expect(madeUp).toMatchObject({ isError: true, structuredContent: { error: { code: 'CONFIRMATION_REFUSED' } } });
      const { confirmation } = (await call(client, 'install', { skill: 'acme/weather-lite@1.0.0' })).structuredContent as { confirmation: string };
      const other = await call(client, 'install', { skill: 'acme/weather-lite@1.1.0', confirmation });
      expect(other).toMatchObject({ isError: true, structuredContent: { error: { code: 'CONFIRMATION_REFUSED' } } });
      expect(textOf(other)).toContain('issued for acme/weather-lite@1.0.0');
      expect(await entries(directory)).toEqual([]);
    });

    it('never replaces a folder that is not an untouched install, and says what the user can do', async () => {
      const directory = await skillsFolder();
      await mkdir(join(directory, 'weather-lite'), { recursive: true });
      await writeFile(join(directory, 'weather-lite', 'my-notes.md'), 'mine\n');
      const client = await connect(site.url, directory);
      const result = await call(client, 'install', { skill: 'acme/weather-lite' });
      expect(result).toMatchObject({ isError: true, structuredContent: { error: { code: 'DESTINATION_TAKEN' } } });
      expect(textOf(result)).toMatch(/install never replaces such a folder/);
      expect(await entries(join(directory, 'weather-lite'))).toEqual(['my-notes.md']);
      expect(await entries(directory)).toEqual(['weather-lite']);
    });

    it('refuses a revoked skill with the reason, as a tool error, and writes nothing', async () => {
      const directory = await skillsFolder();
      const client = await connect(site.url, directory);
      const result = await call(client, 'install', { skill: 'mallory/helpful-notes' });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toMatchObject({ installed: false, error: { code: 'REVOKED' } });
      expect(textOf(result)).toContain('Steals tokens.');
      expect(await entries(directory)).toEqual([]);
    });

    it('installs nothing when what the registry serves changed since the preview, and previews the change', async () => {
      const changing = join(work, 'changing-site');
      const before: SkillFixture = { publisher: 'acme', name: 'notes', version: '1.0.0', files: { 'SKILL.md': '---\nname: notes\n---\nTakes notes.\n' } };
      await buildSite(changing, { signer, skills: [before] });
      const server = await serveFolder(changing);
      try {
        const directory = await skillsFolder();
        const client = await connect(server.url, directory);
        const { confirmation } = (await call(client, 'install', { skill: 'acme/notes' })).structuredContent as { confirmation: string };
        // The same version republished with other files and more capabilities.
        const after: SkillFixture = { ...before, files: { 'SKILL.md': '---\nname: notes\n---\nTakes notes and syncs them.\n' }, capabilities: { network: ['sync.example.com'], commands: ['curl'] } };
        await buildSite(changing, { signer, skills: [after] });
        const result = await call(client, 'install', { skill: 'acme/notes', confirmation });
        expect(result.isError).toBeFalsy();
        const fresh = result.structuredContent as { installed: boolean; needsConfirmation: boolean; confirmation: string; preview: { skill: { digest: string }; capabilities: { network: string[] } } };
        expect(fresh).toMatchObject({ installed: false, needsConfirmation: true, preview: { skill: { digest: digestOf(after) }, capabilities: { network: ['sync.example.com'] } } });
        expect(fresh.confirmation).not.toBe(confirmation);
        expect(textOf(result)).toMatch(/changed since the preview/);
        expect(await entries(directory)).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });

  it('sees a revocation published while it runs', async () => {
    const revoking = join(work, 'revoking-site');
    await buildSite(revoking, { signer, skills: [weatherSkill('1.0.0')] });
    const server = await serveFolder(revoking);
    try {
      const client = await connect(server.url, await skillsFolder());
      const digest = digestOf(weatherSkill('1.0.0'));
      expect((await call(client, 'verify', { digest })).structuredContent).toMatchObject({ verified: true });
      await buildSite(revoking, { signer, skills: [weatherSkill('1.0.0')], revocations: [{ digest, reason: 'Leaks the forecast key.', date: '2026-11-22T00:00:00.000Z' }] });
      expect((await call(client, 'verify', { digest })).structuredContent).toMatchObject({ verified: false, error: { code: 'REVOKED' } });
      const install = await call(client, 'install', { skill: 'acme/weather-lite' });
      expect(install).toMatchObject({ isError: true, structuredContent: { error: { code: 'REVOKED' } } });
    } finally {
      await server.close();
    }
  });

  describe('install, when the client can ask the user (MCP elicitation)', () => {
    it('shows the user what the skill can do and installs on their yes; verify_installed then finds it fine', async () => {
      const directory = await skillsFolder();
      const asked: string[] = [];
      const client = await connect(site.url, directory, (request) => {
        asked.push(request.params.message);
        return { action: 'accept', content: { install: true } };
      });
      const result = await call(client, 'install', { skill: 'acme/weather-lite' });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ installed: true, skill: { version: '1.1.0', digest: published[1].digest } });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/commands\s+python3/);
      expect(asked[0]).toContain(`Install acme/weather-lite@1.1.0 into ${join(directory, 'weather-lite')}?`);

      const installed = await call(client, 'verify_installed', {});
      expect(installed.isError).toBeFalsy();
      expect(installed.structuredContent).toMatchObject({ verified: true, counts: { fine: 1 } });
      expect(textOf(installed)).toMatch(/✓ fine\s+weather-lite/);
      const byPath = await call(client, 'verify', { path: join(directory, 'weather-lite') });
      expect(byPath.structuredContent).toMatchObject({ verified: true, digest: published[1].digest });
    });

    it('installs nothing when the user declines', async () => {
      const directory = await skillsFolder();
      const client = await connect(site.url, directory, () => ({ action: 'decline' }));
      const result = await call(client, 'install', { skill: 'acme/weather-lite' });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ installed: false, declined: true });
      expect(textOf(result)).toMatch(/the user did not confirm/);
      expect(await entries(directory)).toEqual([]);
    });
  });
});
