/**
 * The sinkhole's DNS: parses a query, answers every name with a sinkhole address, and tells the
 * caller what was asked. Every name gets its own address from a reserved range, derived from the
 * name, so a later TCP connection to that address is recorded under the name it was looked up by.
 */
import { createHash } from 'node:crypto';

/** Record types the answers treat specially; any other type gets an empty (no data) answer. */
const TYPE_NAMES: Record<number, string> = {
  1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 15: 'MX', 16: 'TXT', 28: 'AAAA', 33: 'SRV',
  64: 'SVCB', 65: 'HTTPS', 255: 'ANY',
};

/** Seconds a client may cache an answer; short, so a rerun inside one dry run asks again. */
const ANSWER_TTL_SECONDS = 60;

/** TXT answer: what a mail domain without senders publishes, as bland as a TXT record gets. */
const TXT_ANSWER = 'v=spf1 -all';

/** Labels of a query longer than this are not a real name: the query is answered FORMERR. */
const MAX_NAME_BYTES = 255;

/**
 * Addresses handed out: 198.18.0.0/15 is reserved for benchmarking (RFC 2544), so no real host
 * owns one, and every packet to it leaves the sandbox through the sinkhole anyway.
 */
const FAKE_RANGE_START = (198 << 24) | (18 << 16);
const FAKE_RANGE_SIZE = 1 << 17;

/** A parsed DNS question (the first one; real stubs send exactly one). */
export interface DnsQuestion {
  /** Transaction id, echoed in the answer. */
  id: number;
  /** Name in presentation format, lower-cased (`a.b.example.invalid`), bytes outside printable ASCII as `\DDD`. */
  name: string;
  /** Labels as sent (case kept): DNS tunnels split encoded data across them. */
  labels: Buffer[];
  /** Type name (`A`, `TXT` …) or `TYPE<n>` for others. */
  type: string;
  /** Numeric type. */
  typeCode: number;
}

/** Result of reading one DNS message. */
export type DnsParse =
  | { ok: true; question: DnsQuestion; questionEnd: number; flags: number }
  | { ok: false; id: number | undefined; reason: string };

/** Reads the header and first question of a DNS query message. */
export function parseDnsQuery(message: Buffer): DnsParse {
  if (message.length < 12) return { ok: false, id: undefined, reason: 'shorter than a DNS header' };
  const id = message.readUInt16BE(0);
  const flags = message.readUInt16BE(2);
  const questionCount = message.readUInt16BE(4);
  if ((flags & 0x8000) !== 0) return { ok: false, id, reason: 'a response, not a query' };
  if (questionCount < 1) return { ok: false, id, reason: 'no question' };
  const labels: Buffer[] = [];
  let offset = 12;
  let nameBytes = 0;
  for (;;) {
    if (offset >= message.length) return { ok: false, id, reason: 'name runs past the message' };
    const length = message[offset]!;
    if (length === 0) {
      offset += 1;
      break;
    }
    // A question name is never compressed in a query: a pointer here is malformed.
    if ((length & 0xc0) !== 0) return { ok: false, id, reason: 'compressed or extended label in a question' };
    const label = message.subarray(offset + 1, offset + 1 + length);
    if (label.length !== length) return { ok: false, id, reason: 'label runs past the message' };
    labels.push(label);
    nameBytes += length + 1;
    if (nameBytes > MAX_NAME_BYTES) return { ok: false, id, reason: 'name longer than 255 bytes' };
    offset += 1 + length;
  }
  if (offset + 4 > message.length) return { ok: false, id, reason: 'question has no type and class' };
  const typeCode = message.readUInt16BE(offset);
  const name = labels.map(presentLabel).join('.').toLowerCase();
  return {
    ok: true,
    question: { id, name, labels, type: TYPE_NAMES[typeCode] ?? `TYPE${typeCode}`, typeCode },
    questionEnd: offset + 4,
    flags,
  };
}

function presentLabel(label: Buffer): string {
  let text = '';
  for (const byte of label) {
    if (byte > 0x20 && byte < 0x7f && byte !== 0x2e && byte !== 0x5c) text += String.fromCharCode(byte);
    else text += `\\${byte.toString().padStart(3, '0')}`;
  }
  return text;
}

/** Hands out one sinkhole address per name, the same for the same name in every run. */
export class FakeAddressBook {
  readonly #byName = new Map<string, string>();
  readonly #byAddress = new Map<string, string>();

  /** The address `name` resolves to. */
  addressFor(name: string): string {
    const known = this.#byName.get(name);
    if (known !== undefined) return known;
    const index = createHash('sha256').update(name).digest().readUInt32BE(0) % FAKE_RANGE_SIZE;
    let address = '';
    // Linear probing on a collision; the range holds 131072 names, far more than a run asks.
    for (let probe = 0; probe < FAKE_RANGE_SIZE; probe += 1) {
      const value = (FAKE_RANGE_START + ((index + probe) % FAKE_RANGE_SIZE)) >>> 0;
      const lowByte = value & 0xff;
      if (lowByte === 0 || lowByte === 255) continue;
      address = [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, lowByte].join('.');
      if (!this.#byAddress.has(address)) break;
    }
    this.#byName.set(name, address);
    this.#byAddress.set(address, name);
    return address;
  }

  /** The name that resolved to `address`, if any did. */
  nameFor(address: string): string | undefined {
    return this.#byAddress.get(address);
  }
}

/** Builds the answer to a parsed query: every name exists and points at the sinkhole. */
export function buildDnsAnswer(query: Buffer, parse: Extract<DnsParse, { ok: true }>, book: FakeAddressBook): Buffer {
  const { question, questionEnd, flags } = parse;
  const opcode = (flags >>> 11) & 0xf;
  const recursionDesired = flags & 0x0100;
  if (opcode !== 0) return header(question.id, 0x8000 | (opcode << 11) | recursionDesired | 0x0080 | 4, 0, query.subarray(12, questionEnd));
  const answers: Buffer[] = [];
  const namePointer = Buffer.from([0xc0, 0x0c]);
  const record = (type: number, data: Buffer, owner: Buffer = namePointer): Buffer => {
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(type, 0);
    fixed.writeUInt16BE(1, 2);
    fixed.writeUInt32BE(ANSWER_TTL_SECONDS, 4);
    fixed.writeUInt16BE(data.length, 8);
    return Buffer.concat([owner, fixed, data]);
  };
  switch (question.typeCode) {
    case 1:
    case 255:
      answers.push(record(1, Buffer.from(book.addressFor(question.name).split('.').map(Number))));
      break;
    case 16: {
      const text = Buffer.from(TXT_ANSWER, 'ascii');
      answers.push(record(16, Buffer.concat([Buffer.from([text.length]), text])));
      break;
    }
    case 15:
      answers.push(record(15, Buffer.concat([Buffer.from([0, 10, 4]), Buffer.from('mail'), namePointer])));
      break;
    case 2:
      answers.push(record(2, Buffer.concat([Buffer.from([3]), Buffer.from('ns1'), namePointer])));
      break;
    default:
      // AAAA and everything else: the name exists but has no such record, so clients fall back to A.
      break;
  }
  // Answer flags: response, authoritative, recursion available, RD echoed, NOERROR.
  return Buffer.concat([header(question.id, 0x8000 | 0x0400 | 0x0080 | recursionDesired, answers.length, query.subarray(12, questionEnd)), ...answers]);
}

/** Builds a FORMERR answer to a query that could not be read (when it had a header at all). */
export function buildDnsFormatError(id: number): Buffer {
  return header(id, 0x8000 | 0x0080 | 1, 0, Buffer.alloc(0), 0);
}

function header(id: number, flags: number, answerCount: number, question: Buffer, questionCount = 1): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(id, 0);
  head.writeUInt16BE(flags, 2);
  head.writeUInt16BE(questionCount, 4);
  head.writeUInt16BE(answerCount, 6);
  return Buffer.concat([head, question]);
}
