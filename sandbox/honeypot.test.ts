import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHoneypot, plantHoneypot } from './honeypot.ts';

describe('createHoneypot', () => {
  it('plants every file the design lists, each secret carrying its own canary', () => {
    const honeypot = createHoneypot();
    const paths = honeypot.files.map((file) => file.path);
    for (const path of ['.ssh/id_rsa', '.ssh/id_ed25519', '.aws/credentials', '.npmrc', '.netrc', '.config/gh/hosts.yml', '.gitconfig', '.bashrc', '.zshrc', '.profile', '.bash_history', './.env']) {
      expect(paths).toContain(path);
    }
    expect(new Set(honeypot.canaries).size).toBe(honeypot.secrets.length);
    for (const file of honeypot.files.filter((item) => item.canary)) {
      expect(honeypot.canaries.some((canary) => file.content.includes(canary))).toBe(true);
    }
  });

  it('uses realistic formats, new canaries per run, and no CI markers', () => {
    const first = createHoneypot();
    const second = createHoneypot();
    expect(first.env.GITHUB_TOKEN).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
    expect(first.env.AWS_ACCESS_KEY_ID).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(first.env.OPENAI_API_KEY).toMatch(/^sk-proj-/);
    expect(first.canaries.some((canary) => second.canaries.includes(canary))).toBe(false);
    for (const name of ['CI', 'GITHUB_ACTIONS', 'BUILDKITE', 'GITLAB_CI', 'JENKINS_URL', 'RUNNER_OS']) expect(first.env).not.toHaveProperty(name);
  });
});

describe('plantHoneypot', () => {
  it('writes HOME and the working directory with private modes and aged timestamps, keeping a shipped .env', async () => {
    const root = await mkdtemp(join(tmpdir(), 'honeypot-test-'));
    try {
      const honeypot = createHoneypot();
      await plantHoneypot(honeypot, join(root, 'home'), join(root, 'work'), (path) => path === '.env');
      expect((await stat(join(root, 'home', '.ssh', 'id_rsa'))).mode & 0o777).toBe(0o600);
      expect(Date.now() - (await stat(join(root, 'home', '.aws', 'credentials'))).mtimeMs).toBeGreaterThan(86_400_000);
      expect(await readFile(join(root, 'home', '.npmrc'), 'utf8')).toContain('_authToken=npm_');
      await expect(stat(join(root, 'work', '.env'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
