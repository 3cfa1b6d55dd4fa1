#!/usr/bin/env node
// Checks local links in Markdown files and reports the broken ones. Never fetches URLs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { argv, cwd, exit, stderr, stdout } from 'node:process';

const SKIPPED_FOLDERS = new Set(['node_modules']);

function markdownFiles(target) {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${target} does not exist. Give Markdown files or folders to check.`);
  if (stat.isFile()) return [target];
  const found = [];
  for (const entry of readdirSync(target, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(target, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(path));
    else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) found.push(path);
  }
  return found;
}

/** Every link in a Markdown text, with its line, outside code. */
function extractLinks(text) {
  const links = [];
  const definitions = new Map();
  const references = [];
  let fence = null;
  text.split('\n').forEach((rawLine, index) => {
    const line = index + 1;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(rawLine);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const code = rawLine.replace(/`+[^`]*`+/g, (match) => ' '.repeat(match.length));
    const definition = /^\s{0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?/.exec(code);
    if (definition) {
      definitions.set(definition[1].toLowerCase(), { target: definition[2], line });
      return;
    }
    for (const match of code.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: match[1], line });
    for (const match of code.matchAll(/\[((?:[^\]\\]|\\.)+)\]\[([^\]]*)\]/g)) references.push({ id: (match[2] || match[1]).toLowerCase(), line });
  });
  for (const reference of references) {
    const definition = definitions.get(reference.id);
    if (definition) links.push({ target: definition.target, line: reference.line });
    else links.push({ target: null, label: `[${reference.id}]`, line: reference.line, problem: 'reference has no definition' });
  }
  return links.sort((a, b) => a.line - b.line);
}

function checkFile(file, root) {
  const results = [];
  for (const link of extractLinks(readFileSync(file, 'utf8'))) {
    if (link.target === null) {
      results.push({ file, line: link.line, status: 'broken', target: link.label, reason: link.problem });
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.target) || link.target.startsWith('//')) {
      results.push({ file, line: link.line, status: 'external', target: link.target });
      continue;
    }
    const [pathPart] = link.target.split('#');
    if (pathPart === '') {
      results.push({ file, line: link.line, status: 'ok', target: link.target });
      continue;
    }
    let decoded;
    try {
      decoded = decodeURIComponent(pathPart.split('?')[0]);
    } catch {
      results.push({ file, line: link.line, status: 'broken', target: link.target, reason: 'malformed %-escape' });
      continue;
    }
    const resolved = decoded.startsWith('/') ? join(root, decoded) : resolve(dirname(file), decoded);
    if (existsSync(resolved)) results.push({ file, line: link.line, status: 'ok', target: link.target });
    else results.push({ file, line: link.line, status: 'broken', target: link.target, reason: 'no such file' });
  }
  return results;
}

/** The path relative to the working directory when the file is under it, else as given. */
function displayPath(file) {
  const relativePath = relative(cwd(), file);
  return relativePath && !relativePath.startsWith('..') ? relativePath : file;
}

function main(args) {
  const json = args.includes('--json');
  const rootIndex = args.indexOf('--root');
  const root = resolve(rootIndex >= 0 ? args[rootIndex + 1] ?? '.' : '.');
  if (args.includes('--help') || args.includes('-h')) {
    stdout.write('Usage: md-link-check.mjs [FILE|DIR ...] [--root DIR] [--json]\n\nChecks local links in Markdown files; URLs are skipped, never fetched.\n');
    return 0;
  }
  const targets = args.filter((arg, index) => !arg.startsWith('--') && !(rootIndex >= 0 && index === rootIndex + 1));
  let files;
  try {
    files = (targets.length ? targets : ['.']).flatMap((target) => markdownFiles(target));
  } catch (error) {
    stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  const results = files.flatMap((file) => checkFile(file, root));
  const broken = results.filter((result) => result.status === 'broken');
  const external = results.filter((result) => result.status === 'external').length;
  const summary = `${broken.length} broken link${broken.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'} (${results.length - external} local links checked, ${external} external skipped)`;
  if (json) {
    stdout.write(`${JSON.stringify({ files: files.length, checked: results.length - external, external, broken }, null, 2)}\n`);
  } else {
    const where = broken.map((result) => `${displayPath(result.file)}:${result.line}`);
    const width = Math.max(0, ...where.map((text) => text.length));
    broken.forEach((result, index) => stdout.write(`${where[index].padEnd(width)}  broken  ${result.target} (${result.reason})\n`));
    stdout.write(`${summary}\n`);
  }
  return broken.length === 0 ? 0 : 1;
}

exit(main(argv.slice(2)));
