/**
 * The client against a real loopback HTTP server that misbehaves: redirects to plain http:// off
 * loopback are refused, and a body that stalls is given up on at the request's deadline with a clear
 * error, never a stack trace.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, RegistryError } from '../../client/index.ts';

let server: Server;
let base: string;
const stalled: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path.startsWith('/plain/')) {
      response.writeHead(302, { location: `http://mirror.registry.invalid${path}` }).end();
    } else if (path.startsWith('/scheme/')) {
      response.writeHead(302, { location: `file:///etc/passwd` }).end();
    } else if (path.startsWith('/loop/')) {
      response.writeHead(302, { location: path }).end();
    } else if (path.startsWith('/hop/')) {
      response.writeHead(301, { location: path.replace('/hop/', '/ok/') }).end();
    } else if (path.startsWith('/ok/')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"fine":true}');
    } else if (path.startsWith('/slow/')) {
      // Headers and the first bytes, then nothing: the body never ends until the test is over.
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      response.write('{"partial":');
      stalled.push(() => response.destroy());
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const stop of stalled) stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const error = (promise: Promise<unknown>) => promise.then(() => undefined, (caught: unknown) => caught as RegistryError);

describe('the registry client over HTTP', () => {
  it('follows a redirect that stays on loopback', async () => {
    expect(await new RegistryClient(`${base}/hop/`).readJsonOptional('api/index.json')).toEqual({ fine: true });
  });

  it('refuses a redirect to plain http:// on another machine (INSECURE_URL), and to other schemes', async () => {
    const plain = await error(new RegistryClient(`${base}/plain/`).readJsonOptional('api/index.json'));
    expect(plain).toBeInstanceOf(RegistryError);
    expect(plain).toMatchObject({ code: 'INSECURE_URL' });
    expect(plain?.message).toContain('http://mirror.registry.invalid/plain/api/index.json');
    expect(await error(new RegistryClient(`${base}/scheme/`).readJsonOptional('api/index.json'))).toMatchObject({ code: 'INSECURE_URL' });
  });

  it('stops after a few redirects in a loop', async () => {
    expect(await error(new RegistryClient(`${base}/loop/`).readJsonOptional('api/index.json'))).toMatchObject({ code: 'UNREACHABLE', message: expect.stringContaining('redirects more than') });
  });

  it('gives up on a body that stalls at the request deadline, saying how much arrived', async () => {
    // The server never finishes, so the deadline is what ends the read; on a loaded machine the headers may
    // not even have arrived by then, which is the same deadline said another way.
    const stalledRead = await error(new RegistryClient(`${base}/slow/`, { timeoutMs: 3_000 }).readJsonOptional('api/index.json'));
    expect(stalledRead).toBeInstanceOf(RegistryError);
    expect(stalledRead).toMatchObject({ code: 'UNREACHABLE' });
    expect(stalledRead?.message).toMatch(/stopped sending after 11 bytes: it did not finish within 3 s|no answer within 3 s/);
  });
});
