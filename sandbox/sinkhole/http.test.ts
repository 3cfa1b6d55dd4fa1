import { describe, expect, it } from 'vitest';
import { HttpRequestReader, type HttpRequestCapture } from './http.ts';

function read(chunks: string[], bodyCap = 1 << 20): { requests: HttpRequestCapture[]; heads: HttpRequestCapture[]; tunnelled: Buffer[]; reader: HttpRequestReader } {
  const requests: HttpRequestCapture[] = [];
  const tunnelled: Buffer[] = [];
  const heads: HttpRequestCapture[] = [];
  const reader = new HttpRequestReader(
    {
      onHead: (request) => heads.push(request),
      onRequest: (request) => {
        requests.push(request);
        return request.method === 'CONNECT' ? 'tunnel' : undefined;
      },
      onTunnelBytes: (chunk) => tunnelled.push(chunk),
    },
    bodyCap,
  );
  for (const chunk of chunks) reader.push(Buffer.from(chunk, 'latin1'));
  return { requests, heads, tunnelled, reader };
}

describe('HttpRequestReader', () => {
  it('reads a request with a Content-Length body split across chunks', () => {
    const { requests } = read(['POST /up', 'load?x=1 HTTP/1.1\r\nHost: a.invalid\r\nContent-Le', 'ngth: 11\r\n\r\nhello', ' world']);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', requestTarget: '/upload?x=1', version: 'HTTP/1.1', complete: true });
    expect(requests[0]!.headers).toContainEqual(['host', 'a.invalid']);
    expect(requests[0]!.body.toString()).toBe('hello world');
  });

  it('de-chunks a chunked body, with extensions and trailers', () => {
    const { requests } = read(['PUT /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n', '6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n']);
    expect(requests[0]!.body.toString()).toBe('hello world');
    expect(requests[0]!.bodyLength).toBe(11);
  });

  it('reads pipelined requests on one connection', () => {
    const { requests } = read(['GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n']);
    expect(requests.map((request) => request.requestTarget)).toEqual(['/a', '/b']);
  });

  it('keeps at most the body cap but counts every byte', () => {
    const { requests } = read(['POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789'], 4);
    expect(requests[0]!.body.toString()).toBe('0123');
    expect(requests[0]!.bodyLength).toBe(10);
  });

  it('shows the unfinished request while its body is still arriving', () => {
    const { requests, heads, reader } = read(['POST /slow HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\npartial']);
    expect(requests).toHaveLength(0);
    expect(heads[0]!.headers).toContainEqual(['expect', '100-continue']);
    expect(reader.pending?.body.toString()).toBe('partial');
  });

  it('hands everything after an accepted CONNECT to the tunnel, including bytes that came with it', () => {
    const { requests, tunnelled } = read(['CONNECT evil.invalid:443 HTTP/1.1\r\nHost: evil.invalid:443\r\n\r\n\x16\x03', '\x01rest']);
    expect(requests.map((request) => request.method)).toEqual(['CONNECT']);
    expect(Buffer.concat(tunnelled).toString('latin1')).toBe('\x16\x03\x01rest');
  });

  it('gives up on a stream that is not HTTP', () => {
    const { reader } = read(['\x16\x03\x01\x00\x05hello']);
    expect(reader.notHttp).toBe(true);
  });
});
