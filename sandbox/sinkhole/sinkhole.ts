/**
 * The network sinkhole of a dry run: a closed network namespace for the sandboxed process, a DNS
 * server that answers every name and records it, and one listener behind which every TCP connection
 * and UDP datagram lands (HTTP read, TLS terminated with a per-run CA). Everything captured is
 * searched for the run's canary tokens and returned as events, sorted so two runs compare.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { isIP } from 'node:net';
import type net from 'node:net';
import { isAbsolute, join } from 'node:path';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { canonicalJson } from '../../core/canonical-json.ts';
import { findCanaries } from './canary.ts';
import { buildDnsAnswer, buildDnsFormatError, FakeAddressBook, parseDnsQuery } from './dns.ts';
import { SinkholeError } from './errors.ts';
import { HttpRequestReader, looksLikeRequestLine, type HttpRequestCapture } from './http.ts';
import { LISTENER_SOURCE, type ListenerMessage } from './listener-process.ts';
import { createNetworkPair, destroyNetworkPair, LISTENER_PORTS, NETNS_DIRECTORY, sweepStaleNetworks, type NetworkPair } from './netns.ts';
import { CertificateAuthority, looksLikeTls, parseClientHello, type ClientHello } from './tls.ts';

/** What a dry run gives the sinkhole. */
export interface SinkholeOptions {
  /** Per-run canary tokens searched for in every captured byte. */
  canaries: string[];
  /** Host-side folder for the sinkhole's private files (CA key); never mounted into the sandbox. */
  workDir: string;
}

/** One thing the sandboxed code did on the network. */
export interface SinkholeEvent {
  kind: 'dns' | 'connect' | 'http';
  /** `dns`: the name; `connect`: `host:port` (the looked-up name when there was one) or `ip:port`; `http`: the URL. */
  target: string;
  /** Whether a canary token appears in any captured byte of this event. */
  canary: boolean;
  detail: Record<string, unknown>;
}

/** A running sinkhole; one per dry run. */
export interface Sinkhole {
  /** Network namespace (`ip netns`) the sandboxed process runs in; its only route leads to the sinkhole. */
  netnsName: string;
  /** `/run/netns/<name>`, for an OCI spec's network namespace path. */
  netnsPath: string;
  /** IPv4 address the sandbox's `/etc/resolv.conf` must name. */
  dnsServer: string;
  /** Per-run CA certificate (PEM) the sandbox must trust. */
  caCertificatePem: string;
  /** `/etc/hosts` content for the sandbox (localhost lines). */
  hostsFileLines: string;
  /** Events since the last drain, sorted deterministically; identical events appear once. */
  drain(): SinkholeEvent[];
  /**
   * Resolves once bytes already delivered to the sinkhole have been read (quiet for a moment, or a
   * bounded wait): call it between a sandboxed command's exit and `drain()` so nothing is in flight.
   */
  settle(): Promise<void>;
  /** Events dropped since the start because the pending-event cap was reached (canary events never are). */
  readonly droppedEvents: number;
  /** Stops listeners, deletes the namespaces and veth, removes temp files; idempotent. */
  close(): Promise<void>;
}

/** A stolen `~/.ssh`, `~/.aws` and `.env` fit many times over; past this a connection is counted, not kept. */
const MAX_CAPTURED_BYTES_PER_CONNECTION = 1024 * 1024;

/** Bounds the sinkhole's memory when a skill floods it (a 2-core CI machine runs two dry runs at once). */
const MAX_CAPTURED_BYTES_TOTAL = 64 * 1024 * 1024;

/**
 * Bytes past the capture cap are still searched for canaries up to this much per connection, so junk
 * padding before a secret does not hide it; beyond it the event says how many bytes went unsearched.
 */
const MAX_SCANNED_BYTES_PER_CONNECTION = 256 * 1024 * 1024;

/** Bytes of a stream searched again with the next chunk: a token (even percent-encoded) is far shorter. */
const SCAN_OVERLAP_BYTES = 4096;

/** Connections tracked per run; past this a connection is closed at once (a connect flood is evidence enough). */
const MAX_TRACKED_CONNECTIONS = 4096;

/** Events held between drains; past this only canary events are kept (DNS tunnels send thousands of queries). */
const MAX_PENDING_EVENTS = 10_000;

/** Body bytes shown in an `http` event (the canary search covers every captured byte regardless). */
const DETAIL_BODY_BYTES = 4096;

/** First bytes shown in a `connect` event: enough to recognise a protocol and read a short payload. */
const DETAIL_FIRST_BYTES = 256;

/** Header fields shown per request, and characters per value: a request's headers fit, a flood does not. */
const DETAIL_MAX_HEADERS = 64;
const DETAIL_HEADER_VALUE_CHARS = 1024;

/** A compressed body is inflated up to this size for the canary search (a zip bomb stops here). */
const MAX_INFLATED_BODY_BYTES = 8 * 1024 * 1024;

/** A TLS ClientHello is read up to this many bytes before the stream is taken as not TLS. */
const MAX_SNIFF_BYTES = 20 * 1024;

/** Proxy tunnels (`CONNECT`) followed inside one another; one is what proxy-aware clients use. */
const MAX_TUNNEL_DEPTH = 2;

/** Readings of the connection tracking table in a row, for entries that a paged listing skipped. */
const CONNTRACK_READINGS = 8;

/**
 * Waits (ms) before each later look for a flow not yet in the table, about 3 s in all: a connection
 * waits unread meanwhile, and is recorded at the sink's own address only when none found it.
 */
const CONNTRACK_WAITS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 400, 800, 1600];

/** DNS over TCP: one message is at most 64 KiB plus its length prefix. */
const MAX_DNS_TCP_BUFFER = 65_537;

/** Starting the listener process in the sink namespace takes well under a second when healthy. */
const LISTENER_START_TIMEOUT_MS = 15_000;

/** `settle()`: quiet this long means delivered bytes have been read; never waits longer than the max. */
const SETTLE_QUIET_MS = 30;
const SETTLE_MAX_MS = 1500;

/** Standard localhost lines of a Debian machine. */
const HOSTS_FILE_LINES = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';

const KIND_ORDER: Record<SinkholeEvent['kind'], number> = { dns: 0, connect: 1, http: 2 };

/** Starts a sinkhole: namespaces, firewall, CA and listeners. Requires root (CAP_NET_ADMIN). */
export async function startSinkhole(options: SinkholeOptions): Promise<Sinkhole> {
  if (!Array.isArray(options.canaries) || options.canaries.some((canary) => typeof canary !== 'string')) {
    throw new SinkholeError('INVALID_OPTIONS', `Sinkhole canaries must be an array of strings, got ${JSON.stringify(options.canaries)}. Pass the honeypot's canary tokens.`);
  }
  if (typeof options.workDir !== 'string' || !isAbsolute(options.workDir)) {
    throw new SinkholeError('INVALID_OPTIONS', `Sinkhole workDir must be an absolute path, got ${JSON.stringify(options.workDir)}. Pass a host-side temp folder of the run.`);
  }
  if (process.getuid?.() !== 0) {
    throw new SinkholeError('NOT_ROOT', `The sinkhole needs root to create network namespaces, but this process runs as uid ${process.getuid?.()}. Run the dry run as root (as CI does).`);
  }
  await sweepStaleNetworks();
  const directory = await mkdtemp(join(options.workDir, 'sinkhole-'));
  let pair: NetworkPair | undefined;
  let listener: ChildProcess | undefined;
  try {
    // Both are awaited to the end even when one fails, so a namespace made meanwhile is not leaked.
    const [authority, createdPair] = await Promise.allSettled([CertificateAuthority.create(join(directory, 'ca')), createNetworkPair()]);
    if (createdPair.status === 'fulfilled') pair = createdPair.value;
    if (authority.status === 'rejected') throw authority.reason;
    if (createdPair.status === 'rejected') throw createdPair.reason;
    const started = await startListenerProcess(createdPair.value);
    listener = started.child;
    const engine = new SinkholeEngine(options.canaries, authority.value, createdPair.value, started, directory);
    return engine.handle();
  } catch (error) {
    listener?.kill('SIGKILL');
    if (pair !== undefined) await destroyNetworkPair(pair).catch(() => undefined);
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

/** Sockets handed over by the listener process, and the process itself. */
interface Listeners {
  child: ChildProcess;
  tcp: net.Server;
  dnsTcp: net.Server;
  dnsUdp: dgram.Socket;
  udp: dgram.Socket;
}

function startListenerProcess(pair: NetworkPair): Promise<Listeners> {
  const { dns, tcp, udp } = LISTENER_PORTS;
  const program = [process.execPath, '--input-type=module', '-e', LISTENER_SOURCE, String(dns), String(tcp), String(udp)];
  const child = spawn('ip', ['netns', 'exec', pair.sinkNetns, ...program], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 4096) stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const handles: Partial<Omit<Listeners, 'child'>> = {};
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      for (const handle of Object.values(handles)) handle.close();
      reject(new SinkholeError('LISTENER_FAILED', `The sinkhole's listeners did not start in namespace ${pair.sinkNetns}: ${reason}. Check that \`ip netns exec\` works and that ${process.execPath} can run there.`));
    };
    const timer = setTimeout(() => fail(`no answer within ${LISTENER_START_TIMEOUT_MS} ms`), LISTENER_START_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`the listener process exited with code ${code}${stderr ? `: ${stderr.trim()}` : ''}`));
    child.on('message', (message: ListenerMessage, handle: unknown) => {
      switch (message.role) {
        case 'tcp':
          handles.tcp = handle as net.Server;
          break;
        case 'dns-tcp':
          handles.dnsTcp = handle as net.Server;
          break;
        case 'dns-udp':
          handles.dnsUdp = handle as dgram.Socket;
          break;
        case 'udp':
          handles.udp = handle as dgram.Socket;
          break;
        case 'failed':
          fail(message.message);
          break;
        case 'ready': {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          const { tcp: tcpServer, dnsTcp, dnsUdp, udp: udpSocket } = handles;
          if (!tcpServer || !dnsTcp || !dnsUdp || !udpSocket || child.pid === undefined) {
            fail('it reported ready without handing over every socket');
            return;
          }
          try {
            readFileSync(`/proc/${child.pid}/net/nf_conntrack`);
          } catch (error) {
            child.kill('SIGKILL');
            for (const open of [tcpServer, dnsTcp, dnsUdp, udpSocket]) open.close();
            reject(
              new SinkholeError('CONNTRACK_UNAVAILABLE', `The sinkhole cannot read /proc/${child.pid}/net/nf_conntrack (${(error as Error).message}), where the original destination of each connection is kept. Use a kernel with CONFIG_NF_CONNTRACK_PROCFS.`),
            );
            return;
          }
          resolve({ child, tcp: tcpServer, dnsTcp, dnsUdp, udp: udpSocket });
          break;
        }
      }
    });
  });
}

/**
 * A growing capture of bytes bounded by a per-stream cap and the run's total budget. Bytes past the
 * cap are not kept but are still searched for canaries as they pass (up to a scan cap), so padding a
 * stream with junk before the secret does not hide it.
 */
class ByteCapture {
  readonly #parts: Buffer[] = [];
  readonly #budget: { remaining: number };
  readonly #canaries: string[];
  #kept = 0;
  #scanned = 0;
  /** The stream's last bytes, searched again with the next dropped bytes so no token is cut in two. */
  #tail: Buffer = Buffer.alloc(0);
  /** Bytes seen, kept or not. */
  total = 0;
  /** Bytes neither kept nor searched (past the scan cap). */
  unscanned = 0;
  /** Canaries found in bytes that were not kept. */
  readonly foundInDropped = new Set<string>();

  constructor(budget: { remaining: number }, canaries: string[]) {
    this.#budget = budget;
    this.#canaries = canaries;
  }

  add(chunk: Buffer): void {
    this.total += chunk.length;
    const room = Math.max(0, Math.min(MAX_CAPTURED_BYTES_PER_CONNECTION - this.#kept, this.#budget.remaining));
    if (room > 0) {
      const kept = chunk.length <= room ? Buffer.from(chunk) : Buffer.from(chunk.subarray(0, room));
      this.#parts.push(kept);
      this.#kept += kept.length;
      this.#budget.remaining -= kept.length;
    }
    const dropped = chunk.subarray(Math.min(room, chunk.length));
    if (dropped.length > 0) {
      if (this.#scanned + dropped.length <= MAX_SCANNED_BYTES_PER_CONNECTION) {
        for (const canary of findCanaries(Buffer.concat([this.#tail, dropped]), this.#canaries, { decode: false })) this.foundInDropped.add(canary);
        this.#scanned += dropped.length;
      } else {
        this.unscanned += dropped.length;
      }
    }
    const recent = this.#tail.length + chunk.length <= SCAN_OVERLAP_BYTES ? Buffer.concat([this.#tail, chunk]) : Buffer.concat([this.#tail, chunk]).subarray(-SCAN_OVERLAP_BYTES);
    this.#tail = Buffer.from(recent);
  }

  get bytes(): Buffer {
    if (this.#parts.length > 1) this.#parts.splice(0, this.#parts.length, Buffer.concat(this.#parts));
    return this.#parts[0] ?? Buffer.alloc(0);
  }

  get truncated(): boolean {
    return this.total > this.#kept;
  }
}

/** Where a redirected packet was really going. */
interface Destination {
  address: string;
  port: number;
}

/** What is known about one TCP connection or UDP flow. */
interface FlowCapture {
  protocol: 'tcp' | 'udp';
  destination: Destination;
  /** The name the destination address was handed out for, when it came from our DNS. */
  name: string | undefined;
  raw: ByteCapture;
  /** Decrypted bytes, for a terminated TLS connection. */
  plaintext: ByteCapture | undefined;
  tls: { hello: ClientHello; intercepted: boolean } | undefined;
  reader: HttpRequestReader | undefined;
  /** Head of the unfinished request already reported at a drain (not reported again). */
  reportedPendingHead: Buffer | undefined;
  reported: boolean;
  sockets: Duplex[];
  /** Streams still open (the socket, TLS layers); the flow is reported when the last one closes. */
  openStreams: number;
  /** Tunnel depth at which TLS was terminated (0: the connection itself, 1: inside a CONNECT tunnel). */
  tlsDepth: number;
  /** `host:port` a client asked a proxy tunnel (`CONNECT`) for, if it did. */
  tunnel: string | undefined;
}

class SinkholeEngine {
  readonly #canaries: string[];
  readonly #authority: CertificateAuthority;
  readonly #pair: NetworkPair;
  readonly #listeners: Listeners;
  readonly #directory: string;
  readonly #book = new FakeAddressBook();
  readonly #budget = { remaining: MAX_CAPTURED_BYTES_TOTAL };
  readonly #flows = new Set<FlowCapture>();
  readonly #udpFlows = new Map<string, FlowCapture>();
  readonly #secureContexts = new Map<string, Promise<tls.SecureContext>>();
  #events: SinkholeEvent[] = [];
  #dropped = 0;
  #tracked = 0;
  /** Flows whose original destination is still being looked for; `settle()` waits for them. */
  #resolving = 0;
  /** Connections held unread while their original destination is looked for. */
  readonly #waiting = new Set<net.Socket>();
  #lastActivity = Date.now();
  #closing: Promise<void> | undefined;

  constructor(canaries: string[], authority: CertificateAuthority, pair: NetworkPair, listeners: Listeners, directory: string) {
    this.#canaries = canaries;
    this.#authority = authority;
    this.#pair = pair;
    this.#listeners = listeners;
    this.#directory = directory;
    listeners.tcp.on('connection', (socket: net.Socket) => this.#onTcpConnection(socket));
    listeners.dnsTcp.on('connection', (socket: net.Socket) => this.#onDnsTcpConnection(socket));
    listeners.dnsUdp.on('message', (message: Buffer, remote: dgram.RemoteInfo) => this.#onDnsDatagram(message, remote));
    listeners.udp.on('message', (message: Buffer, remote: dgram.RemoteInfo) => this.#onUdpDatagram(message, remote));
    for (const emitter of [listeners.tcp, listeners.dnsTcp, listeners.dnsUdp, listeners.udp]) emitter.on('error', () => undefined);
    // The listener process stays up as the window on the sink namespace; it needs no keep-alive of ours.
    listeners.child.unref();
    listeners.child.channel?.unref();
  }

  handle(): Sinkhole {
    const droppedEvents = (): number => this.#dropped;
    return {
      netnsName: this.#pair.sandboxNetns,
      netnsPath: `${NETNS_DIRECTORY}/${this.#pair.sandboxNetns}`,
      dnsServer: this.#pair.sinkAddress,
      caCertificatePem: this.#authority.certificatePem,
      hostsFileLines: HOSTS_FILE_LINES,
      drain: () => this.#drain(),
      settle: () => this.#settle(),
      get droppedEvents() {
        return droppedEvents();
      },
      close: () => this.#close(),
    };
  }

  // ---- events -------------------------------------------------------------------------------

  #record(event: SinkholeEvent): void {
    if (this.#events.length >= MAX_PENDING_EVENTS && !event.canary) {
      this.#dropped += 1;
      return;
    }
    this.#events.push(event);
  }

  #search(...parts: Buffer[]): string[] {
    const found = new Set<string>();
    for (const part of parts) for (const canary of findCanaries(part, this.#canaries)) found.add(canary);
    return this.#canaries.filter((canary) => found.has(canary));
  }

  #drain(): SinkholeEvent[] {
    for (const flow of this.#flows) this.#reportFlow(flow);
    for (const flow of this.#udpFlows.values()) this.#reportFlow(flow);
    this.#udpFlows.clear();
    const unique = new Map<string, SinkholeEvent>();
    for (const event of this.#events) {
      const key = canonicalJson(event);
      if (!unique.has(key)) unique.set(key, event);
    }
    this.#events = [];
    const keyed = [...unique.entries()].map(([key, event]) => ({ key, event }));
    keyed.sort(
      (a, b) =>
        KIND_ORDER[a.event.kind] - KIND_ORDER[b.event.kind] ||
        compareText(a.event.target, b.event.target) ||
        compareText(a.key, b.key),
    );
    return keyed.map(({ event }) => event);
  }

  async #settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_MAX_MS;
    do {
      await delay(SETTLE_QUIET_MS);
      // A flow whose destination is still looked for is awaited past the deadline: its look is bounded.
    } while (this.#resolving > 0 || (Date.now() - this.#lastActivity < SETTLE_QUIET_MS && Date.now() < deadline));
  }

  #touch(): void {
    this.#lastActivity = Date.now();
  }

  // ---- original destinations ------------------------------------------------------------------

  /**
   * Reads where a redirected flow was going from the sink namespace's connection tracking table.
   * `address`:`port` is the client as the listener's socket sees it and `listenerPort` the port the flow
   * was redirected to: together they are the entry's reply tuple, which no other entry shares.
   * The table is read again when the entry is not in it: the kernel lists it in pages, and entries that
   * come and go between two pages (a busy sandbox opens and closes many) can push a live entry out of
   * one reading.
   */
  #originalDestination(protocol: 'tcp' | 'udp', address: string | undefined, port: number | undefined, listenerPort: number | undefined): Destination | undefined {
    const pid = this.#listeners.child.pid;
    if (address === undefined || port === undefined || pid === undefined) return undefined;
    for (let reading = 0; reading < CONNTRACK_READINGS; reading += 1) {
      let table: string;
      try {
        table = readFileSync(`/proc/${pid}/net/nf_conntrack`, 'latin1');
      } catch {
        continue;
      }
      const found = originalDestinationIn(table, protocol, address, port, listenerPort);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * Looks again, after each of CONNTRACK_WAITS_MS, for a flow the table did not list when it arrived
   * (on a busy machine the listing can miss a new entry); undefined when no look found it or the
   * sinkhole is closing.
   */
  async #laterOriginalDestination(protocol: 'tcp' | 'udp', address: string | undefined, port: number | undefined, listenerPort: number | undefined): Promise<Destination | undefined> {
    if (address === undefined || port === undefined) return undefined;
    this.#resolving += 1;
    try {
      return await lookAgain(() => (this.#closing === undefined ? this.#originalDestination(protocol, address, port, listenerPort) : null), CONNTRACK_WAITS_MS);
    } finally {
      this.#resolving -= 1;
    }
  }

  #newFlow(protocol: 'tcp' | 'udp', destination: Destination): FlowCapture {
    return {
      protocol,
      destination,
      name: this.#book.nameFor(destination.address),
      raw: new ByteCapture(this.#budget, this.#canaries),
      plaintext: undefined,
      tls: undefined,
      reader: undefined,
      reportedPendingHead: undefined,
      reported: false,
      sockets: [],
      openStreams: 0,
      tlsDepth: 0,
      tunnel: undefined,
    };
  }

  #flowTarget(flow: FlowCapture): string {
    return hostPort(flow.name ?? flow.destination.address, flow.destination.port);
  }

  // ---- TCP ------------------------------------------------------------------------------------

  #onTcpConnection(socket: net.Socket): void {
    this.#touch();
    socket.on('error', () => undefined);
    if (this.#closing !== undefined || this.#tracked >= MAX_TRACKED_CONNECTIONS) {
      this.#dropped += 1;
      socket.destroy();
      return;
    }
    this.#tracked += 1;
    const atSink = { address: plainAddress(socket.localAddress ?? this.#pair.sinkAddress), port: socket.localPort ?? LISTENER_PORTS.tcp };
    const destination = this.#originalDestination('tcp', socket.remoteAddress, socket.remotePort, socket.localPort);
    if (destination !== undefined) {
      this.#serveTcp(socket, destination);
      return;
    }
    // Not listed yet: the connection waits unread (its bytes stay in the socket) while the table is read again.
    socket.pause();
    this.#waiting.add(socket);
    void this.#laterOriginalDestination('tcp', socket.remoteAddress, socket.remotePort, socket.localPort).then((later) => {
      this.#waiting.delete(socket);
      if (this.#closing !== undefined) socket.destroy();
      else this.#serveTcp(socket, later ?? atSink);
    });
  }

  /** Reads and answers an accepted connection to `destination`, and records it when it ends. */
  #serveTcp(socket: net.Socket, destination: Destination): void {
    const flow = this.#newFlow('tcp', destination);
    flow.sockets.push(socket);
    this.#flows.add(flow);
    this.#openStream(flow);
    const feed = this.#sniff(flow, socket, 0);
    socket.on('data', (chunk: Buffer) => {
      this.#touch();
      flow.raw.add(chunk);
      feed(chunk);
    });
    socket.on('close', () => this.#closeStream(flow));
    // A connection that closed while it waited has no close event left to report it.
    if (socket.destroyed) this.#closeStream(flow);
    else socket.resume();
  }

  /** Counts a stream of the flow (the socket, a TLS layer); the flow is reported when all have closed. */
  #openStream(flow: FlowCapture): void {
    flow.openStreams += 1;
  }

  #closeStream(flow: FlowCapture): void {
    flow.openStreams -= 1;
    if (flow.openStreams <= 0) this.#finishFlow(flow);
  }

  /**
   * Returns the function fed with a stream's bytes, which decides by the first bytes what the stream
   * is: a TLS ClientHello (terminated), an HTTP request (read and answered), or anything else (kept
   * raw). `output` is where answers go; `depth` counts proxy tunnels around this stream.
   */
  #sniff(flow: FlowCapture, output: Duplex, depth: number): (chunk: Buffer) => void {
    let sniffed: Buffer = Buffer.alloc(0);
    let forward: ((chunk: Buffer) => void) | undefined;
    return (chunk) => {
      if (forward !== undefined) {
        forward(chunk);
        return;
      }
      sniffed = sniffed.length === 0 ? chunk : Buffer.concat([sniffed, chunk]);
      if (looksLikeTls(sniffed)) {
        const parse = parseClientHello(sniffed);
        if (parse.status === 'need-more' && sniffed.length < MAX_SNIFF_BYTES) return;
        if (parse.status === 'ok') {
          forward = this.#terminateTls(flow, output, sniffed, parse.hello, depth);
          return;
        }
      } else if (looksLikeRequestLine(sniffed)) {
        forward = this.#readHttp(flow, output, depth, flow.tls !== undefined && depth === flow.tlsDepth ? 'https' : 'http');
        forward(sniffed);
        return;
      }
      // Neither TLS nor HTTP: the raw bytes are the record.
      forward = () => undefined;
    };
  }

  /** Reads HTTP requests from a plaintext stream, answers each, and returns the feeding function. */
  #readHttp(flow: FlowCapture, output: Duplex, depth: number, scheme: 'http' | 'https'): (chunk: Buffer) => void {
    let tunnel: ((chunk: Buffer) => void) | undefined;
    const reader = new HttpRequestReader(
      {
        onHead: (request) => {
          const expect = request.headers.find(([name]) => name === 'expect')?.[1];
          if (expect?.toLowerCase() === '100-continue') output.write('HTTP/1.1 100 Continue\r\n\r\n');
        },
        onRequest: (request) => {
          this.#record(this.#httpEvent(flow, request, scheme));
          if (request.method === 'CONNECT' && depth < MAX_TUNNEL_DEPTH) {
            // A proxy tunnel: agree, then read what goes through it like a connection of its own.
            flow.tunnel = request.requestTarget.toLowerCase();
            output.write('HTTP/1.1 200 Connection established\r\n\r\n');
            tunnel = this.#sniff(flow, output, depth + 1);
            return 'tunnel';
          }
          respond(output, request);
          return undefined;
        },
        onTunnelBytes: (chunk) => tunnel?.(chunk),
      },
      MAX_CAPTURED_BYTES_PER_CONNECTION,
    );
    if (flow.reader === undefined || depth > 0) flow.reader = reader;
    return (chunk) => reader.push(chunk);
  }

  /** Terminates TLS on `output` (whose first bytes were already read) and returns the feeding function. */
  #terminateTls(flow: FlowCapture, output: Duplex, firstBytes: Buffer, hello: ClientHello, depth: number): (chunk: Buffer) => void {
    flow.tls ??= { hello, intercepted: false };
    flow.tlsDepth = depth;
    flow.plaintext ??= new ByteCapture(this.#budget, this.#canaries);
    this.#openStream(flow);
    // A JavaScript stream between the carrier and TLS: the bytes already read are replayed into it.
    const ciphertext = new Duplex({
      read: () => output.resume(),
      write: (chunk: Buffer, _encoding, callback) => {
        if (output.destroyed) callback();
        else output.write(chunk, () => callback());
      },
      final: (callback) => {
        output.end();
        callback();
      },
      destroy: (error, callback) => {
        output.destroy();
        callback(error);
      },
    });
    ciphertext.on('error', () => undefined);
    flow.sockets.push(ciphertext);
    const push = (chunk: Buffer): void => {
      if (!ciphertext.destroyed && !ciphertext.push(chunk)) output.pause();
    };
    push(firstBytes);
    const endOfInput = (): void => {
      if (!ciphertext.destroyed && !ciphertext.readableEnded) ciphertext.push(null);
    };
    output.on('end', endOfInput);
    output.on('close', endOfInput);
    const host = (depth === 0 ? hello.serverName ?? flow.name ?? flow.destination.address : hello.serverName ?? tunnelHost(flow.tunnel)) ?? flow.destination.address;
    this.#secureContextFor(host)
      .then((secureContext) => {
        const secure = new tls.TLSSocket(ciphertext, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
        flow.sockets.push(secure);
        secure.on('error', () => undefined);
        secure.on('secure', () => {
          if (flow.tls?.hello === hello) flow.tls.intercepted = true;
        });
        const feed = this.#sniff(flow, secure, depth);
        secure.on('data', (chunk: Buffer) => {
          this.#touch();
          flow.plaintext!.add(chunk);
          feed(chunk);
        });
        secure.on('close', () => this.#closeStream(flow));
      })
      .catch(() => {
        // No certificate for this host: the connection still counts, with its ClientHello.
        output.destroy();
        this.#closeStream(flow);
      });
    return push;
  }

  #secureContextFor(host: string): Promise<tls.SecureContext> {
    let context = this.#secureContexts.get(host);
    if (context === undefined) {
      context = this.#authority.leafFor(host).then((leaf) => tls.createSecureContext({ key: leaf.keyPem, cert: leaf.certificatePem }));
      this.#secureContexts.set(host, context);
      context.catch(() => this.#secureContexts.delete(host));
    }
    return context;
  }

  #finishFlow(flow: FlowCapture): void {
    if (!this.#flows.has(flow)) return;
    this.#reportFlow(flow);
    this.#flows.delete(flow);
  }

  /** Records a flow's connect event (once) and, on its end or at a drain, its unfinished request. */
  #reportFlow(flow: FlowCapture): void {
    const pending = flow.reader?.pending;
    if (pending !== undefined && flow.reportedPendingHead !== pending.head) {
      flow.reportedPendingHead = pending.head;
      this.#record(this.#httpEvent(flow, pending, flow.tls ? 'https' : 'http'));
    }
    if (flow.reported) return;
    flow.reported = true;
    const raw = flow.raw.bytes;
    const plaintext = flow.plaintext?.bytes ?? Buffer.alloc(0);
    const serverName = flow.tls?.hello.serverName;
    const found = this.#search(raw, plaintext, Buffer.from(serverName ?? '', 'latin1'));
    const dropped = new Set([...flow.raw.foundInDropped, ...(flow.plaintext?.foundInDropped ?? [])]);
    const canaries = this.#canaries.filter((canary) => found.includes(canary) || dropped.has(canary));
    const unscanned = flow.raw.unscanned + (flow.plaintext?.unscanned ?? 0);
    // Under TLS the raw bytes are random handshake bytes: the decrypted ones are shown instead.
    const shown = flow.plaintext ?? flow.raw;
    const detail: Record<string, unknown> = {
      protocol: flow.protocol,
      address: flow.destination.address,
      port: flow.destination.port,
      name: flow.name,
      bytes: shown.total,
      truncated: shown.truncated || undefined,
      unscannedBytes: unscanned > 0 ? unscanned : undefined,
      firstBytes: shown.total > 0 ? printable(shown.bytes, DETAIL_FIRST_BYTES) : undefined,
      tls: flow.tls && { serverName, alpn: flow.tls.hello.alpn, intercepted: flow.tls.intercepted },
      tunnel: flow.tunnel,
      canaries: canaries.length > 0 ? canaries : undefined,
    };
    this.#record({ kind: 'connect', target: this.#flowTarget(flow), canary: canaries.length > 0, detail: prune(detail) });
  }

  #httpEvent(flow: FlowCapture, request: HttpRequestCapture, scheme: 'http' | 'https'): SinkholeEvent {
    const header = (name: string): string | undefined => request.headers.find(([key]) => key === name)?.[1];
    const defaultPort = scheme === 'https' ? 443 : 80;
    const fallbackName = flow.tls?.hello.serverName ?? flow.name ?? flow.destination.address;
    const fallbackHost = flow.destination.port === defaultPort ? (fallbackName.includes(':') ? `[${fallbackName}]` : fallbackName) : hostPort(fallbackName, flow.destination.port);
    const host = (header('host') ?? fallbackHost).toLowerCase();
    const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(request.requestTarget);
    const path = request.requestTarget.startsWith('/') || absolute || request.method === 'CONNECT' ? request.requestTarget : `/${request.requestTarget}`;
    const url = absolute ? request.requestTarget : request.method === 'CONNECT' ? `${scheme}://${request.requestTarget}` : `${scheme}://${host}${path}`;
    const inflated = inflate(request.body, header('content-encoding'));
    const canaries = this.#search(request.head, request.body, inflated ?? Buffer.alloc(0));
    const detail: Record<string, unknown> = {
      method: request.method,
      host,
      path,
      version: request.version,
      headers: request.headers.slice(0, DETAIL_MAX_HEADERS).map(([name, value]) => [name, value.slice(0, DETAIL_HEADER_VALUE_CHARS)]),
      body: printable(inflated ?? request.body, DETAIL_BODY_BYTES),
      bodyBytes: request.bodyLength,
      truncated: request.bodyLength > request.body.length || undefined,
      complete: request.complete ? undefined : false,
      connection: this.#flowTarget(flow),
      canaries: canaries.length > 0 ? canaries : undefined,
    };
    return { kind: 'http', target: url, canary: canaries.length > 0, detail: prune(detail) };
  }

  // ---- DNS ------------------------------------------------------------------------------------

  #answerDns(message: Buffer, protocol: 'udp' | 'tcp'): Buffer | undefined {
    this.#touch();
    const parse = parseDnsQuery(message);
    if (!parse.ok) {
      const canaries = this.#search(message);
      this.#record({
        kind: 'dns',
        target: '<malformed>',
        canary: canaries.length > 0,
        detail: prune({ protocol, malformed: parse.reason, firstBytes: printable(message, DETAIL_FIRST_BYTES), canaries: canaries.length > 0 ? canaries : undefined }),
      });
      return parse.id === undefined ? undefined : buildDnsFormatError(parse.id);
    }
    const { question } = parse;
    const dotted = Buffer.from(question.labels.map((label) => label.toString('latin1')).join('.'), 'latin1');
    const canaries = this.#search(Buffer.concat(question.labels), dotted);
    this.#record({
      kind: 'dns',
      target: question.name === '' ? '.' : question.name,
      canary: canaries.length > 0,
      detail: prune({ type: question.type, protocol, canaries: canaries.length > 0 ? canaries : undefined }),
    });
    return buildDnsAnswer(message, parse, this.#book);
  }

  #onDnsDatagram(message: Buffer, remote: dgram.RemoteInfo): void {
    if (this.#closing !== undefined) return;
    const answer = this.#answerDns(message, 'udp');
    if (answer !== undefined) this.#listeners.dnsUdp.send(answer, remote.port, remote.address, () => undefined);
  }

  #onDnsTcpConnection(socket: net.Socket): void {
    socket.on('error', () => undefined);
    if (this.#closing !== undefined) {
      socket.destroy();
      return;
    }
    const flow = this.#newFlow('tcp', { address: this.#pair.sinkAddress, port: LISTENER_PORTS.dns });
    flow.sockets.push(socket);
    // Tracked for close() only: DNS over TCP is reported as its queries, not as a connection.
    flow.reported = true;
    this.#flows.add(flow);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 2) {
        const length = buffer.readUInt16BE(0);
        if (buffer.length < 2 + length) break;
        const answer = this.#answerDns(buffer.subarray(2, 2 + length), 'tcp');
        buffer = buffer.subarray(2 + length);
        if (answer !== undefined) {
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(answer.length);
          socket.write(Buffer.concat([prefix, answer]));
        }
      }
      if (buffer.length > MAX_DNS_TCP_BUFFER) socket.destroy();
    });
    socket.on('close', () => this.#flows.delete(flow));
  }

  // ---- other UDP ------------------------------------------------------------------------------

  #onUdpDatagram(message: Buffer, remote: dgram.RemoteInfo): void {
    if (this.#closing !== undefined) return;
    this.#touch();
    const key = `${remote.address}:${remote.port}`;
    let flow = this.#udpFlows.get(key);
    if (flow === undefined) {
      if (this.#tracked >= MAX_TRACKED_CONNECTIONS) {
        this.#dropped += 1;
        return;
      }
      this.#tracked += 1;
      const destination = this.#originalDestination('udp', remote.address, remote.port, LISTENER_PORTS.udp);
      const created = this.#newFlow('udp', destination ?? { address: this.#pair.sinkAddress, port: LISTENER_PORTS.udp });
      this.#udpFlows.set(key, created);
      // Datagrams are kept as they come; the flow's destination is corrected when a later look finds it.
      if (destination === undefined) {
        void this.#laterOriginalDestination('udp', remote.address, remote.port, LISTENER_PORTS.udp).then((later) => {
          if (later === undefined) return;
          created.destination = later;
          created.name = this.#book.nameFor(later.address);
        });
      }
      flow = created;
    }
    flow.raw.add(message);
  }

  // ---- shutdown -------------------------------------------------------------------------------

  #close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    const problems: unknown[] = [];
    for (const flow of this.#flows) for (const socket of flow.sockets) socket.destroy();
    for (const socket of this.#waiting) socket.destroy();
    this.#waiting.clear();
    this.#flows.clear();
    this.#udpFlows.clear();
    const { child, tcp, dnsTcp, dnsUdp, udp } = this.#listeners;
    for (const closable of [tcp, dnsTcp, dnsUdp, udp]) {
      try {
        closable.close();
      } catch {
        // Already closed.
      }
    }
    await stopChild(child);
    try {
      await destroyNetworkPair(this.#pair);
    } catch (error) {
      problems.push(error);
    }
    try {
      await rm(this.#directory, { recursive: true, force: true });
    } catch (error) {
      problems.push(error);
    }
    if (problems.length > 0) throw problems[0];
  }
}

/** Ends the listener process: disconnecting makes it exit; a kill by its own pid if it lingers. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

/** A bland answer, so the script goes on to its next step: 200, and `{}` to a client that wants JSON. */
function respond(output: Duplex, request: HttpRequestCapture): void {
  if (output.destroyed || !output.writable) return;
  const header = (name: string): string => request.headers.find(([key]) => key === name)?.[1]?.toLowerCase() ?? '';
  const wantsJson = header('accept').includes('json') || header('content-type').includes('json');
  const body = request.method === 'HEAD' ? '' : wantsJson ? '{}' : '';
  const close = header('connection') === 'close' || request.version !== 'HTTP/1.1';
  output.write(
    `HTTP/1.1 200 OK\r\nContent-Type: ${wantsJson ? 'application/json' : 'text/plain; charset=utf-8'}\r\nContent-Length: ${wantsJson && request.method !== 'HEAD' ? 2 : 0}\r\n` +
      `Connection: ${close ? 'close' : 'keep-alive'}\r\n\r\n${body}`,
  );
  if (close) output.end();
}

/** Decompresses a body sent with a Content-Encoding, bounded; undefined when not compressed or not valid. */
function inflate(body: Buffer, encoding: string | undefined): Buffer | undefined {
  if (encoding === undefined || body.length === 0) return undefined;
  const options = { maxOutputLength: MAX_INFLATED_BODY_BYTES };
  try {
    switch (encoding.trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(body, options);
      case 'deflate':
        return inflateSync(body, options);
      case 'br':
        return brotliDecompressSync(body, options);
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/** Bytes as readable text: printable ASCII kept, everything else as `\xHH`, at most `limit` bytes. */
function printable(bytes: Buffer, limit: number): string {
  let text = '';
  const shown = bytes.subarray(0, limit);
  for (const byte of shown) {
    if ((byte >= 0x20 && byte < 0x7f && byte !== 0x5c) || byte === 0x0a || byte === 0x0d || byte === 0x09) text += String.fromCharCode(byte);
    else if (byte === 0x5c) text += '\\\\';
    else text += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return bytes.length > limit ? `${text}…` : text;
}

/** An address as people write it: IPv4-mapped IPv6 (`::ffff:a.b.c.d`) as IPv4, IPv6 compressed. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped !== null) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  // The URL parser prints IPv6 in the canonical compressed form (RFC 5952).
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/**
 * The original destination of the flow the listener on `listenerPort` sees from `client`:`port`, in a
 * connection tracking table, or undefined. The first tuple of an entry is the packet as the sandbox
 * sent it (its destination is the one wanted), the second the reply, which comes from the listener the
 * flow was redirected to. The flow is found by its reply tuple, the one the listener's socket shows:
 * when a client port that another flow to the listener still holds is used again for a new
 * destination, the kernel gives the new flow another source port on the way in, which only the reply
 * tuple carries. Among several entries, a live one is preferred over one that is closing.
 */
export function originalDestinationIn(table: string, protocol: 'tcp' | 'udp', clientAddress: string, port: number, listenerPort: number | undefined): Destination | undefined {
  const client = expandedAddress(clientAddress);
  let closing: Destination | undefined;
  for (const line of table.split('\n')) {
    if (!line.includes(` ${protocol} `) || !line.includes(` dport=${port} `)) continue;
    const [sent, reply] = [...line.matchAll(/src=(\S+) dst=(\S+) sport=(\d+) dport=(\d+)/g)];
    if (sent === undefined || reply === undefined) continue;
    if (Number(reply[4]) !== port || expandedAddress(reply[2]!) !== client) continue;
    if (listenerPort !== undefined && Number(reply[3]) !== listenerPort) continue;
    const destination = { address: plainAddress(sent[2]!), port: Number(sent[4]) };
    if (/ (?:TIME_WAIT|CLOSE|CLOSE_WAIT|LAST_ACK|FIN_WAIT) /.test(line)) closing ??= destination;
    else return destination;
  }
  return closing;
}

/**
 * Calls `look` after each wait until it gives a value: undefined when every look gave undefined, or at
 * once when a look gives null (there is nothing left to look for).
 */
export async function lookAgain<T>(look: () => T | undefined | null, waitsMs: readonly number[]): Promise<T | undefined> {
  for (const wait of waitsMs) {
    await delay(wait);
    const found = look();
    if (found === null) return undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** An address in one spelling for comparison (conntrack prints IPv6 uncompressed, sockets compressed). */
function expandedAddress(address: string): string {
  const plain = plainAddress(address);
  if (isIP(plain) !== 6) return plain;
  const [head, tail = ''] = plain.split('::');
  const headGroups = head === '' ? [] : head!.split(':');
  const tailGroups = plain.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = plain.includes('::') ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return groups.map((group) => group.padStart(4, '0')).join(':');
}

/** The host of a `CONNECT` authority (`host:port` or `[v6]:port`). */
function tunnelHost(authority: string | undefined): string | undefined {
  if (authority === undefined) return undefined;
  const match = /^\[([^\]]+)\](?::\d+)?$|^([^:]+)(?::\d+)?$/.exec(authority);
  return match?.[1] ?? match?.[2];
}

/** `host:port`, with an IPv6 address in brackets. */
function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Drops undefined members, so a detail holds only what applies. */
function prune(detail: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail).filter(([, value]) => value !== undefined));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
