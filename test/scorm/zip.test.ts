import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../scripts/scorm/zip.ts';

const text = (s: string) => Buffer.from(s, 'utf8');

describe('writeZip and readZip', () => {
  const entries = [
    { name: 'imsmanifest.xml', data: text('<manifest/>'.repeat(100)) },
    { name: 'lessons/σ/index.html', data: text('<p>σ′(z) shrinks the gradient.</p>\n'.repeat(20)) },
    { name: 'empty.txt', data: new Uint8Array(0) },
    // Hash output does not deflate: it must be stored.
    { name: 'noise.bin', data: Buffer.concat(Array.from({ length: 128 }, (_, i) => createHash('sha256').update(String(i)).digest())) },
  ];

  it('reads back every name and byte it wrote, in order', () => {
    const back = readZip(writeZip(entries));
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) => expect(Buffer.compare(Buffer.from(e.data), Buffer.from(entries[i]!.data))).toBe(0));
  });

  it('deflates what shrinks and stores what does not (method 8 and 0 in the local headers)', () => {
    const zip = writeZip(entries);
    const methods: number[] = [];
    for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 3, 4])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 3, 4]), at + 4))
      methods.push(zip.readUInt16LE(at + 8));
    expect(methods).toEqual([8, 8, 0, 0]);
  });

  it('writes the CRC-32 of the uncompressed bytes (the check value of "123456789" is cbf43926)', () => {
    expect(crc32(text('123456789')).toString(16)).toBe('cbf43926');
    const zip = writeZip([{ name: 'a', data: text('123456789') }]);
    expect(zip.readUInt32LE(14).toString(16)).toBe('cbf43926');
  });

  it('gives the same bytes for the same files (fixed timestamps)', () => {
    expect(Buffer.compare(writeZip(entries), writeZip(entries))).toBe(0);
  });

  it('notices a damaged file', () => {
    const zip = writeZip([{ name: 'a.txt', data: text('stored, since it is short') }]);
    const at = 30 + 'a.txt'.length;
    zip.writeUInt8(zip.readUInt8(at) ^ 0xff, at);
    expect(() => readZip(zip)).toThrow('a.txt: CRC-32 does not match');
    expect(() => readZip(text('not a zip at all, not even close'))).toThrow('no end of central directory record');
  });
});
