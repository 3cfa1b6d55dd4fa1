/**
 * Benchmark of the dry run's network sinkhole: start and close times, and the cost a sandboxed
 * process sees per DNS query, HTTP request and HTTPS handshake (first to a name, and cached).
 * Needs root. Prints a Markdown table. Run: `node scripts/bench/sinkhole.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSinkhole } from '../../sandbox/sinkhole/index.ts';

const STARTS = 10;
const REQUESTS = 100;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

const workDir = await mkdtemp(join(tmpdir(), 'sinkhole-bench-'));
const rows: Array<[string, number[]]> = [];
const starts: number[] = [];
const closes: number[] = [];
for (let index = 0; index < STARTS; index += 1) {
  const begun = performance.now();
  const sinkhole = await startSinkhole({ canaries: ['skc_benchmark_token_0001'], workDir });
  starts.push(performance.now() - begun);
  const closing = performance.now();
  await sinkhole.close();
  closes.push(performance.now() - closing);
}
rows.push(['start (namespaces, firewall, CA, listeners)', starts], ['close (everything removed)', closes]);

const sinkhole = await startSinkhole({ canaries: ['skc_benchmark_token_0001'], workDir });
const caFile = join(workDir, 'ca.pem');
await writeFile(caFile, sinkhole.caCertificatePem);
// The client runs inside the sandbox namespace and times each operation itself.
const client = `
import { Resolver } from 'node:dns/promises'; import http from 'node:http'; import https from 'node:https'; import { readFileSync } from 'node:fs';
const ca = readFileSync(${JSON.stringify(caFile)}, 'utf8');
const resolver = new Resolver(); resolver.setServers([${JSON.stringify(sinkhole.dnsServer)}]);
const time = async (task) => { const begun = performance.now(); await task(); return performance.now() - begun; };
const request = (module, url, options) => new Promise((done, fail) => { const req = module.request(url, { method: 'POST', agent: false, ...options }, (res) => { res.resume(); res.on('end', done); }); req.on('error', fail); req.end('token=skc_benchmark_token_0001'); });
const result = { dns: [], http: [], httpsFirst: [], httpsCached: [] };
for (let i = 0; i < ${REQUESTS}; i++) result.dns.push(await time(() => resolver.resolve4('q' + i + '.bench.invalid')));
for (let i = 0; i < ${REQUESTS}; i++) result.http.push(await time(() => request(http, 'http://198.18.0.5/upload')));
for (let i = 0; i < 20; i++) result.httpsFirst.push(await time(() => request(https, 'https://n' + i + '.bench.invalid/', { ca, lookup: (_h, _o, cb) => cb(null, [{ address: '198.18.0.6', family: 4 }]) })));
for (let i = 0; i < ${REQUESTS}; i++) result.httpsCached.push(await time(() => request(https, 'https://n0.bench.invalid/', { ca, lookup: (_h, _o, cb) => cb(null, [{ address: '198.18.0.6', family: 4 }]) })));
console.log(JSON.stringify(result));`;
const output = await new Promise<string>((resolve, reject) =>
  execFile('ip', ['netns', 'exec', sinkhole.netnsName, process.execPath, '--input-type=module', '-e', client], { encoding: 'utf8', maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
    error === null ? resolve(stdout) : reject(new Error(stderr || error.message)),
  ),
);
const measured = JSON.parse(output) as Record<'dns' | 'http' | 'httpsFirst' | 'httpsCached', number[]>;
rows.push(
  ['DNS query (UDP, recorded and answered)', measured.dns],
  ['HTTP POST, new connection (connect + request recorded)', measured.http],
  ['HTTPS POST to a new name (leaf issued by openssl)', measured.httpsFirst],
  ['HTTPS POST to a known name (cached leaf)', measured.httpsCached],
);
const drainBegun = performance.now();
const events = sinkhole.drain();
rows.push(['drain (sort, dedupe, canary search done earlier)', [performance.now() - drainBegun]]);
await sinkhole.close();
await rm(workDir, { recursive: true, force: true });

console.log(`| sinkhole operation | n | median ms | p95 ms |\n| --- | ---: | ---: | ---: |`);
for (const [name, samples] of rows) {
  const { median, p95 } = stats(samples);
  console.log(`| ${name} | ${samples.length} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`);
}
console.log(`\n${events.length} distinct events drained from the load phase.`);
