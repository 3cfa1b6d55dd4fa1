#!/usr/bin/env node
const [ecosystem, pkg, version] = process.argv.slice(2);
const url = new URL('https://api.github.com/advisories');
url.searchParams.set('ecosystem', ecosystem);
url.searchParams.set('affects', version ? `${pkg}@${version}` : pkg);
url.searchParams.set('per_page', '50');

const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
if (process.env.GITHUB_TOKEN) headers.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;

const res = await fetch(url, { headers });
if (!res.ok) {
  console.error(`GitHub API answered ${res.status}: ${await res.text()}`);
  process.exit(1);
}
for (const a of await res.json()) {
  const vuln = a.vulnerabilities.find((v) => v.package.name === pkg);
  console.log(`${a.ghsa_id} ${a.cve_id ?? ''} [${a.severity}] ${a.summary} (patched: ${vuln?.first_patched_version ?? 'none'})`);
}
