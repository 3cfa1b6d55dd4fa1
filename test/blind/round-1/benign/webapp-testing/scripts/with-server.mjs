#!/usr/bin/env node
// Start one or more local servers, wait for their ports, run a command, then stop the servers.
// Usage: with-server.mjs --cmd "npm run dev" --port 5173 [--cmd ... --port ...] [--timeout 60] -- <command...>
import { spawn } from 'node:child_process';
import net from 'node:net';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep < 0 || sep === argv.length - 1) {
  console.error('usage: with-server.mjs --cmd CMD --port N [...] -- COMMAND...');
  process.exit(2);
}
const opts = argv.slice(0, sep);
const command = argv.slice(sep + 1);
const servers = [];
let timeout = 60;
for (let i = 0; i < opts.length; i += 2) {
  if (opts[i] === '--cmd') servers.push({ cmd: opts[i + 1] });
  else if (opts[i] === '--port') servers.at(-1).port = Number(opts[i + 1]);
  else if (opts[i] === '--timeout') timeout = Number(opts[i + 1]);
  else { console.error(`unknown option ${opts[i]}`); process.exit(2); }
}
if (!servers.length || servers.some((s) => !s.port)) { console.error('each --cmd needs a --port'); process.exit(2); }

const portOpen = (port) => new Promise((resolve) => {
  const sock = net.connect({ host: '127.0.0.1', port });
  sock.once('connect', () => { sock.destroy(); resolve(true); });
  sock.once('error', () => resolve(false));
});

async function waitFor(port, child) {
  const deadline = Date.now() + timeout * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for port ${port} exited with ${child.exitCode}`);
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`port ${port} not open after ${timeout}s`);
}

const children = [];
function stopAll() {
  for (const c of children) {
    try { process.kill(-c.pid, 'SIGTERM'); } catch {}
  }
}
process.on('SIGINT', () => { stopAll(); process.exit(130); });

let code = 1;
try {
  for (const s of servers) {
    if (await portOpen(s.port)) throw new Error(`port ${s.port} is already in use; is the server already running?`);
    const child = spawn(s.cmd, { shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => process.stderr.write(`[${s.port}] ${d}`));
    child.stderr.on('data', (d) => process.stderr.write(`[${s.port}] ${d}`));
    children.push(child);
    await waitFor(s.port, child);
    console.error(`server on :${s.port} is up`);
  }
  code = await new Promise((resolve) => {
    const run = spawn(command[0], command.slice(1), { stdio: 'inherit' });
    run.on('exit', (c) => resolve(c ?? 1));
  });
} catch (e) {
  console.error(String(e.message || e));
} finally {
  stopAll();
}
process.exit(code);
