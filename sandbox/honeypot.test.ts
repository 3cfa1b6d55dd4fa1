import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FILE_KINDS, DOTENV_FILE, PLANTED_SECRET_ENV, SECRET_ENV_NAME, credentialKindOf } from '../core/index.ts';
import { createHoneypot, displayPathOf, plantHoneypot } from './honeypot.ts';

describe('createHoneypot', () => {
  it('plants every file the design lists, each secret carrying its own canary', () => {
    const honeypot = createHoneypot();
    const paths = honeypot.files.map((file) => file.path);
    for (const path of ['.ssh/id_rsa', '.ssh/id_ed25519', '.aws/credentials', '.npmrc', '.netrc', '.config/gh/hosts.yml', '.gitconfig', '.bashrc', '.zshrc', '.profile', '.bash_history', './.env']) {
      expect(paths).toContain(path);
    }
    expect(new Set(honeypot.canaries).size).toBe(honeypot.secrets.filter((secret) => !secret.public).length);
    // Public keys are tracked for reports but are no secret: sharing one is not a leak.
    const publicKeys = honeypot.secrets.filter((secret) => secret.public);
    expect(publicKeys.map((secret) => secret.location).sort()).toEqual(['~/.ssh/id_ed25519.pub', '~/.ssh/id_rsa.pub']);
    for (const key of publicKeys) expect(honeypot.canaries).not.toContain(key.canary);
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

describe('the honeypot and the one list of sensitive things (core/sensitive.json)', () => {
  const honeypot = createHoneypot();
  const credentialFiles = honeypot.files.filter((file) => file.credential).map(displayPathOf);

  it('lists every planted credential file under some kind\'s `planted`, or as the project .env', () => {
    for (const path of credentialFiles) {
      const listed = CREDENTIAL_FILE_KINDS.some((kind) => kind.planted.includes(path)) || (path.startsWith('./') && DOTENV_FILE.test(path));
      expect(listed, `${path} is a credential file of the honeypot but not under any kind's planted in core/sensitive.json`).toBe(true);
    }
  });

  it('plants, with canaries, every path the list says is planted, and each matches its own kind', () => {
    for (const kind of CREDENTIAL_FILE_KINDS) {
      for (const path of kind.planted) {
        expect(credentialFiles, `core/sensitive.json plants ${path} (${kind.id}) but the honeypot does not`).toContain(path);
        expect(honeypot.files.find((file) => displayPathOf(file) === path)?.canary).toBe(true);
        expect(credentialKindOf(path)?.id).toBe(kind.id);
      }
    }
  });

  it('plants exactly the listed secret variables (and the AWS key id beside its secret), each with a canary', () => {
    expect(Object.keys(honeypot.env).sort()).toEqual([...PLANTED_SECRET_ENV, 'AWS_ACCESS_KEY_ID'].sort());
    for (const name of PLANTED_SECRET_ENV) {
      expect(SECRET_ENV_NAME.test(name)).toBe(true);
      const secret = honeypot.secrets.find((item) => item.location === `env:${name}`);
      expect(secret, `no canary for ${name}`).toBeDefined();
      expect(honeypot.env[name]).toContain(secret!.canary);
    }
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
