#!/usr/bin/env node
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const Handlebars = require('handlebars');
const argv = require('minimist')(process.argv.slice(2));

const sh = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();

const TYPES = {
  feat: 'Features', fix: 'Fixes', perf: 'Performance', docs: 'Documentation',
  refactor: 'Internal', build: 'Internal', ci: 'Internal', chore: 'Internal', test: 'Internal',
};
const LABELS = { bug: 'Fixes', enhancement: 'Features', breaking: 'Breaking changes', documentation: 'Documentation' };

function range() {
  if (argv['since-last-tag']) return [sh('git', ['describe', '--tags', '--abbrev=0']), 'HEAD'];
  if (!argv.from) { console.error('--from <tag> or --since-last-tag required'); process.exit(2); }
  return [argv.from, argv.to || 'HEAD'];
}

function commits(from, to) {
  const out = sh('git', ['log', '--first-parent', '--format=%H%x1f%s%x1f%an', `${from}..${to}`]);
  return out ? out.split('\n').map((l) => { const [sha, subject, author] = l.split('\x1f'); return { sha, subject, author }; }) : [];
}

function pr(num) {
  try {
    return JSON.parse(sh('gh', ['pr', 'view', String(num), '--json', 'title,labels,author,number']));
  } catch { return null; }
}

function classify(c, p) {
  const m = /^(\w+)(\([^)]*\))?(!)?:\s*(.*)$/.exec(c.subject);
  if (m && (m[3] || /BREAKING CHANGE/.test(c.subject))) return ['Breaking changes', m[4]];
  if (p) for (const l of p.labels || []) if (LABELS[l.name]) return [LABELS[l.name], p.title];
  if (m && TYPES[m[1]]) return [TYPES[m[1]], m[4]];
  return ['Other', p ? p.title : c.subject];
}

function main() {
  const [from, to] = range();
  const list = commits(from, to);
  const sections = new Map();
  const authors = new Map();
  for (const c of list) {
    const num = (/\(#(\d+)\)\s*$/.exec(c.subject) || /Merge pull request #(\d+)/.exec(c.subject) || [])[1];
    const p = num ? pr(num) : null;
    const [title, text] = classify(c, p);
    const author = p && p.author ? p.author.login : c.author;
    authors.set(author, (authors.get(author) || 0) + 1);
    if (!sections.has(title)) sections.set(title, []);
    sections.get(title).push({ text, pr: num, author });
  }
  const prior = new Set(sh('git', ['log', '--format=%an', from]).split('\n'));
  const order = ['Breaking changes', 'Features', 'Fixes', 'Performance', 'Documentation', 'Internal', 'Other'];
  const data = {
    version: to === 'HEAD' ? 'Unreleased' : to,
    date: new Date().toISOString().slice(0, 10),
    sections: order.filter((t) => sections.has(t)).map((t) => ({ title: t, items: sections.get(t) })),
    contributors: [...authors.keys()].sort(),
    newContributors: [...authors.keys()].filter((a) => !prior.has(a)),
  };
  if (argv.format === 'json') { console.log(JSON.stringify(data, null, 2)); return; }
  const tpl = argv.template || path.join(__dirname, '..', 'templates', 'default.md.hbs');
  process.stdout.write(Handlebars.compile(fs.readFileSync(tpl, 'utf8'))(data));
}

main();
