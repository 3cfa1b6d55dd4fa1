import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPublishedRegistry, type PublishedSkill } from '../../src/data/published.ts';
import { searchDocument } from '../../src/lib/search-document.ts';
import { BODY_ONLY_WORD, PWNED_MARKER, writePublishedFixture } from './published-fixture.ts';

let dir: string;
let skills: PublishedSkill[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-document-'));
  const fixture = await writePublishedFixture(join(dir, 'published'));
  ({ skills } = await readPublishedRegistry(fixture.dataDir));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function skill(id: string): PublishedSkill {
  const found = skills.find((candidate) => `${candidate.entry.publisher}/${candidate.entry.name}` === id);
  if (found === undefined) throw new Error(`The fixture has no ${id}.`);
  return found;
}

describe('searchDocument', () => {
  it("links to the skill's page and holds its name, description, publisher, declared capabilities and SKILL.md body", () => {
    const { url, html } = searchDocument(skill('acme/weather-lite'));
    expect(url).toBe('/skills/acme/weather-lite/');
    for (const own of ['<h1 data-pagefind-meta="title">acme/weather-lite</h1>', 'seven-day forecast', 'Publisher acme', 'api.weather.gov', 'python3', BODY_ONLY_WORD]) expect(html, own).toContain(own);
    expect(html).toContain('data-pagefind-meta="trust:verified"');
  });

  it('holds nothing of the audit: no findings, evidence, sandbox, digest or commands', () => {
    const { html } = searchDocument(skill('globex/pdf-tools'));
    for (const audit of ['subprocess.run', 'bubblewrap', 'sha256:', 'npx skill-registry', 'Audited', 'License']) expect(html, audit).not.toContain(audit);
  });

  it("keeps a hostile SKILL.md's markup as text and its links harmless", () => {
    const { html } = searchDocument(skill('globex/pdf-tools'));
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    expect(html).toContain(`&lt;script&gt;window.${PWNED_MARKER}`);
  });

  it('escapes the fields a publisher chooses', () => {
    const weather = skill('acme/weather-lite');
    const { html } = searchDocument({ ...weather, record: { ...weather.record, description: 'Fast <b>"weather"</b> & more' } });
    expect(html).toContain('Fast &lt;b&gt;&quot;weather&quot;&lt;/b&gt; &amp; more');
  });
});
