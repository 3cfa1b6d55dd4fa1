import { describe, expect, it } from 'vitest';
import { buildDnsAnswer, FakeAddressBook, parseDnsQuery } from './dns.ts';

function query(name: string, type: number, id = 0x1234): Buffer {
  const labels = name.split('.').filter((label) => label !== '');
  const parts = labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)]));
  const head = Buffer.from([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([head, ...parts, Buffer.from([0, type >> 8, type & 0xff, 0, 1])]);
}

function answer(name: string, type: number, book = new FakeAddressBook()): { message: Buffer; book: FakeAddressBook } {
  const message = query(name, type);
  const parse = parseDnsQuery(message);
  if (!parse.ok) throw new Error(parse.reason);
  return { message: buildDnsAnswer(message, parse, book), book };
}

describe('dns', () => {
  describe('parseDnsQuery', () => {
    it('reads the name (lower-cased), the labels as sent and the type', () => {
      const parse = parseDnsQuery(query('Data.Example.INVALID', 16));
      expect(parse.ok).toBe(true);
      if (!parse.ok) return;
      expect(parse.question.name).toBe('data.example.invalid');
      expect(parse.question.type).toBe('TXT');
      expect(Buffer.concat(parse.question.labels).toString()).toBe('DataExampleINVALID');
    });

    it('escapes label bytes outside printable ASCII', () => {
      const parse = parseDnsQuery(query('a\x01b.invalid', 1));
      expect(parse.ok && parse.question.name).toBe('a\\001b.invalid');
    });

    it('refuses a truncated message', () => {
      expect(parseDnsQuery(Buffer.from([1, 2, 3])).ok).toBe(false);
      expect(parseDnsQuery(query('example.invalid', 1).subarray(0, 20)).ok).toBe(false);
    });
  });

  describe('buildDnsAnswer', () => {
    it('answers A with one address from 198.18.0.0/15, the same for the same name', () => {
      const { message, book } = answer('exfil.example.invalid', 1);
      expect(message.readUInt16BE(0)).toBe(0x1234);
      expect(message.readUInt16BE(2) & 0x800f).toBe(0x8000);
      expect(message.readUInt16BE(6)).toBe(1);
      const address = [...message.subarray(message.length - 4)].join('.');
      expect(address).toMatch(/^198\.(18|19)\./);
      expect(book.nameFor(address)).toBe('exfil.example.invalid');
      expect(new FakeAddressBook().addressFor('exfil.example.invalid')).toBe(address);
    });

    it('gives different names different addresses', () => {
      const book = new FakeAddressBook();
      const addresses = new Set(Array.from({ length: 500 }, (_, index) => book.addressFor(`host${index}.invalid`)));
      expect(addresses.size).toBe(500);
    });

    it('answers AAAA with no data, so clients fall back to IPv4', () => {
      const { message } = answer('exfil.example.invalid', 28);
      expect(message.readUInt16BE(2) & 0x000f).toBe(0);
      expect(message.readUInt16BE(6)).toBe(0);
    });

    it('answers TXT with a bland SPF record and MX with a mail host', () => {
      expect(answer('example.invalid', 16).message.toString('latin1')).toContain('v=spf1 -all');
      const mx = answer('example.invalid', 15).message;
      expect(mx.readUInt16BE(6)).toBe(1);
      expect(mx.toString('latin1')).toContain('mail');
    });
  });
});
