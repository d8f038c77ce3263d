import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../../grader/cli/read-file.ts';
import { MAX_BYTES } from '../../../grader/read/answers-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'grader-read-'));

describe('readCapped', () => {
  it('reads a file through its handle', () => {
    writeFileSync(join(dir, 'a.yaml'), 'answers: {}\n');
    const read = readCapped(join(dir, 'a.yaml'));
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe('answers: {}\n');
  });

  it('stops at the limit + 1 byte whatever stat says: a /proc file reports size 0 (decisions: hostile submissions)', () => {
    // /proc/kallsyms is a regular file of size 0 holding megabytes; the old reader trusted the size and read on.
    expect(existsSync('/proc/kallsyms') && statSync('/proc/kallsyms').size).toBe(0);
    expect(readCapped('/proc/kallsyms')).toEqual({ ok: false, reason: 'too-large', bytes: MAX_BYTES + 1, atLeast: true });
  });

  it('reads a file of exactly the limit, and small files byte for byte', () => {
    writeFileSync(join(dir, 'full.yaml'), 'y'.repeat(MAX_BYTES));
    const full = readCapped(join(dir, 'full.yaml'));
    expect(full.ok && full.bytes.byteLength).toBe(MAX_BYTES);
    for (const text of ['', 'a', 'é'.repeat(3000)]) {
      writeFileSync(join(dir, 'small.yaml'), text);
      const read = readCapped(join(dir, 'small.yaml'));
      expect(read.ok && new TextDecoder().decode(read.bytes)).toBe(text);
    }
  });

  it('refuses a file stat says is too large without reading a byte', () => {
    writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(MAX_BYTES + 10));
    expect(readCapped(join(dir, 'big.yaml'))).toEqual({ ok: false, reason: 'too-large', bytes: MAX_BYTES + 10, atLeast: false });
  });

  it('does not follow a symbolic link (O_NOFOLLOW), and refuses devices and FIFOs without blocking', () => {
    symlinkSync('/etc/hostname', join(dir, 'link.yaml'));
    expect(readCapped(join(dir, 'link.yaml'))).toEqual({ ok: false, reason: 'symlink' });
    expect(readCapped('/dev/zero')).toEqual({ ok: false, reason: 'not-a-file' });
    expect(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status).toBe(0);
    expect(readCapped(join(dir, 'fifo.yaml'))).toEqual({ ok: false, reason: 'not-a-file' }); // O_NONBLOCK: no writer, no hang
  });
});
