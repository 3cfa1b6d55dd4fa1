/**
 * An incremental HTTP/1.x request reader for captured streams: request line, headers, and a body
 * framed by Content-Length or chunked encoding, several requests per connection. It is lenient (a
 * script's hand-written request still counts) and bounded: past the caps it keeps counting bytes
 * but stops keeping them.
 */

/** Request heads longer than this are not HTTP: the stream is then kept as raw bytes only. */
const MAX_HEAD_BYTES = 64 * 1024;

/** Chunk-size lines longer than this are malformed (a size is a few hex digits plus extensions). */
const MAX_CHUNK_LINE_BYTES = 1024;

/** One request read from a stream. */
export interface HttpRequestCapture {
  method: string;
  /** Request target as sent: origin form (`/path?q`), absolute form (`http://host/path`) or authority form. */
  requestTarget: string;
  version: string;
  /** Header fields in the order sent, names lower-cased. */
  headers: Array<[string, string]>;
  /** Raw bytes of the request line and headers. */
  head: Buffer;
  /** Body bytes kept (de-chunked), at most the body cap given to the reader. */
  body: Buffer;
  /** Body bytes received in total, kept or not. */
  bodyLength: number;
  /** Whether the whole body arrived. */
  complete: boolean;
}

/** What the reader tells its owner. */
export interface HttpReaderEvents {
  /** Headers are in: the owner may answer `Expect: 100-continue`. */
  onHead(request: HttpRequestCapture): void;
  /**
   * The request is complete: the owner records and answers it. Answering `'tunnel'` (to a CONNECT)
   * turns the rest of the stream into tunnel bytes, handed to `onTunnelBytes` as they come.
   */
  onRequest(request: HttpRequestCapture): 'tunnel' | undefined;
  /** Bytes after an accepted CONNECT: the tunnelled stream. */
  onTunnelBytes(chunk: Buffer): void;
}

type State =
  | { kind: 'head' }
  | { kind: 'length'; remaining: number }
  | { kind: 'chunk-size' }
  | { kind: 'chunk-data'; remaining: number }
  | { kind: 'chunk-end' }
  | { kind: 'trailers' }
  | { kind: 'tunnel' }
  | { kind: 'not-http' };

/** Reads HTTP requests from the bytes of one connection, as they arrive. */
export class HttpRequestReader {
  readonly #events: HttpReaderEvents;
  readonly #bodyCap: number;
  #state: State = { kind: 'head' };
  #buffer: Buffer = Buffer.alloc(0);
  #current: HttpRequestCapture | undefined;
  #bodyParts: Buffer[] = [];
  #bodyKept = 0;

  constructor(events: HttpReaderEvents, bodyCap: number) {
    this.#events = events;
    this.#bodyCap = bodyCap;
  }

  /** Whether the stream stopped looking like HTTP (the owner keeps it as raw bytes). */
  get notHttp(): boolean {
    return this.#state.kind === 'not-http';
  }

  /** The request whose headers are in but whose body is not complete yet, if any. */
  get pending(): HttpRequestCapture | undefined {
    if (this.#current === undefined) return undefined;
    return { ...this.#current, body: Buffer.concat(this.#bodyParts) };
  }

  /** Feeds the next bytes of the stream. */
  push(chunk: Buffer): void {
    if (this.#state.kind === 'not-http') return;
    if (this.#state.kind === 'tunnel') {
      this.#events.onTunnelBytes(chunk);
      return;
    }
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    while (this.#step()) {
      // Each step consumes what it can; it returns false when it needs more bytes.
    }
  }

  #step(): boolean {
    const state = this.#state;
    switch (state.kind) {
      case 'head':
        return this.#readHead();
      case 'length': {
        if (this.#buffer.length === 0) return false;
        const take = Math.min(state.remaining, this.#buffer.length);
        this.#keepBody(this.#buffer.subarray(0, take));
        this.#buffer = this.#buffer.subarray(take);
        state.remaining -= take;
        if (state.remaining === 0) this.#finish();
        return true;
      }
      case 'chunk-size': {
        const end = this.#buffer.indexOf('\n');
        if (end < 0) {
          if (this.#buffer.length > MAX_CHUNK_LINE_BYTES) this.#state = { kind: 'not-http' };
          return false;
        }
        const line = this.#buffer.subarray(0, end).toString('latin1').trim();
        this.#buffer = this.#buffer.subarray(end + 1);
        const size = Number.parseInt(line.split(';')[0]!, 16);
        if (!Number.isFinite(size) || size < 0) {
          this.#state = { kind: 'not-http' };
          return false;
        }
        this.#state = size === 0 ? { kind: 'trailers' } : { kind: 'chunk-data', remaining: size };
        return true;
      }
      case 'chunk-data': {
        if (this.#buffer.length === 0) return false;
        const take = Math.min(state.remaining, this.#buffer.length);
        this.#keepBody(this.#buffer.subarray(0, take));
        this.#buffer = this.#buffer.subarray(take);
        state.remaining -= take;
        if (state.remaining === 0) this.#state = { kind: 'chunk-end' };
        return true;
      }
      case 'chunk-end': {
        const end = this.#buffer.indexOf('\n');
        if (end < 0) return false;
        this.#buffer = this.#buffer.subarray(end + 1);
        this.#state = { kind: 'chunk-size' };
        return true;
      }
      case 'trailers': {
        const end = this.#buffer.indexOf('\n');
        if (end < 0) return false;
        const line = this.#buffer.subarray(0, end).toString('latin1').trim();
        this.#buffer = this.#buffer.subarray(end + 1);
        if (line === '') this.#finish();
        return true;
      }
      case 'not-http':
      case 'tunnel':
        return false;
    }
  }

  #readHead(): boolean {
    // Tolerate stray blank lines between requests, as servers do.
    while (this.#buffer.length > 0 && (this.#buffer[0] === 0x0d || this.#buffer[0] === 0x0a)) this.#buffer = this.#buffer.subarray(1);
    if (this.#buffer.length === 0) return false;
    let end = this.#buffer.indexOf('\r\n\r\n');
    let separatorLength = 4;
    const bare = this.#buffer.indexOf('\n\n');
    if (bare >= 0 && (end < 0 || bare < end)) {
      end = bare;
      separatorLength = 2;
    }
    if (end < 0) {
      if (this.#buffer.length > MAX_HEAD_BYTES || !looksLikeRequestLine(this.#buffer)) this.#state = { kind: 'not-http' };
      return false;
    }
    const head = this.#buffer.subarray(0, end + separatorLength);
    this.#buffer = this.#buffer.subarray(end + separatorLength);
    const lines = head.toString('latin1').split(/\r?\n/);
    const requestLine = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,31}) (\S+)(?: (HTTP\/\d(?:\.\d)?))?$/.exec(lines[0]!.trim());
    if (requestLine === null) {
      this.#state = { kind: 'not-http' };
      return false;
    }
    const headers: Array<[string, string]> = [];
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
    this.#current = {
      method: requestLine[1]!.toUpperCase(),
      requestTarget: requestLine[2]!,
      version: requestLine[3] ?? 'HTTP/0.9',
      headers,
      head: Buffer.from(head),
      body: Buffer.alloc(0),
      bodyLength: 0,
      complete: false,
    };
    this.#bodyParts = [];
    this.#bodyKept = 0;
    this.#events.onHead(this.#current);
    const header = (name: string): string | undefined => headers.find(([key]) => key === name)?.[1];
    const transferEncoding = header('transfer-encoding')?.toLowerCase() ?? '';
    const contentLength = Number.parseInt(header('content-length') ?? '', 10);
    if (transferEncoding.includes('chunked')) this.#state = { kind: 'chunk-size' };
    else if (Number.isFinite(contentLength) && contentLength > 0) this.#state = { kind: 'length', remaining: contentLength };
    else this.#finish();
    return true;
  }

  #keepBody(bytes: Buffer): void {
    const current = this.#current!;
    current.bodyLength += bytes.length;
    const room = this.#bodyCap - this.#bodyKept;
    if (room <= 0) return;
    const kept = bytes.length <= room ? Buffer.from(bytes) : Buffer.from(bytes.subarray(0, room));
    this.#bodyParts.push(kept);
    this.#bodyKept += kept.length;
  }

  #finish(): void {
    const current = this.#current!;
    current.body = Buffer.concat(this.#bodyParts);
    current.complete = true;
    this.#current = undefined;
    this.#bodyParts = [];
    this.#bodyKept = 0;
    this.#state = { kind: 'head' };
    if (this.#events.onRequest(current) === 'tunnel') {
      this.#state = { kind: 'tunnel' };
      const rest = this.#buffer;
      this.#buffer = Buffer.alloc(0);
      if (rest.length > 0) this.#events.onTunnelBytes(rest);
    }
  }
}

/** Whether the bytes start like a request line (a method token and a space), so far as they go. */
export function looksLikeRequestLine(bytes: Buffer): boolean {
  const text = bytes.subarray(0, 40).toString('latin1');
  return /^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,31}( |$)/.test(text);
}
