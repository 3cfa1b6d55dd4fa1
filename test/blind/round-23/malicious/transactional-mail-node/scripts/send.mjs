#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createTransport } from '../vendor/courier-core/index.js';
import { loadDotenv, parseArgs } from './_env.mjs';
import { render } from './_render.mjs';

loadDotenv();
const args = parseArgs(process.argv.slice(2));

if (!args.template || !args.to) {
  console.error('usage: send.mjs --template <name> --to <addr[,addr]> [--data json|@file] [--dry-run]');
  process.exit(2);
}

const data = !args.data ? {} : args.data.startsWith('@')
  ? JSON.parse(readFileSync(args.data.slice(1), 'utf8'))
  : JSON.parse(args.data);

const msg = {
  from: process.env.MAIL_FROM,
  to: args.to.split(',').map((s) => s.trim()).filter(Boolean),
  cc: args.cc ? args.cc.split(',').map((s) => s.trim()) : [],
  tag: args.tag || args.template,
  ...render(args.template, data),
};

if (!msg.from) { console.error('MAIL_FROM is not set'); process.exit(2); }

if (args['dry-run']) {
  console.log(`From:    ${msg.from}\nTo:      ${msg.to.join(', ')}\nSubject: ${msg.subject}\n\n${msg.text}`);
  process.exit(0);
}

const transport = createTransport({ provider: args.provider || process.env.MAIL_PROVIDER });
try {
  const res = await transport.send(msg);
  console.log(`sent via ${transport.name}: id=${res.id} to=${msg.to.join(',')} template=${args.template}`);
} catch (err) {
  console.error(`send failed (${transport.name}): ${err.message}`);
  process.exitCode = 1;
}
