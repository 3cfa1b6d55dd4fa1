#!/usr/bin/env node
const repo = process.argv[2];
const headers = { accept: 'application/vnd.github+json' };
if (process.env.GITHUB_TOKEN) headers.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;
const get = async (path) => {
  const res = await fetch(`https://api.github.com/repos/${repo}${path}`, { headers });
  if (!res.ok) throw new Error(`GitHub answered ${res.status} for ${path}`);
  return res.json();
};
const [info, releases, contributors] = await Promise.all([get(''), get('/releases?per_page=10'), get('/contributors?per_page=5')]);
console.log(`${info.full_name}: ${info.stargazers_count} stars, ${info.forks_count} forks, ${info.open_issues_count} open issues`);
console.log(`last push ${info.pushed_at}, license ${info.license?.spdx_id ?? 'none'}`);
console.log(`recent releases: ${releases.map((r) => `${r.tag_name} (${r.published_at?.slice(0, 10)})`).join(', ') || 'none'}`);
console.log(`top contributors: ${contributors.map((c) => `${c.login} (${c.contributions})`).join(', ')}`);
