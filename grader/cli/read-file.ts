/**
 * Reads one answers file from disk under the grader's limit, whatever the
 * file claims: opened without following a final symbolic link (O_NOFOLLOW)
 * and without blocking on a FIFO (O_NONBLOCK), checked to be a regular file
 * through the open handle, then read through that handle to at most
 * MAX_BYTES + 1 bytes. A /proc file reports size 0 and would read on for
 * gigabytes, so the size from stat is only a shortcut, never the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_BYTES } from '../read/answers-file.ts';

export type FileBytes =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'not-a-file' | 'symlink' }
  /** `bytes`: the size stat gave, or (`atLeast`) how far the read got before the cap stopped it. */
  | { ok: false; reason: 'too-large'; bytes: number; atLeast: boolean }
  | { ok: false; reason: 'error'; detail: string };

/** O_NOFOLLOW and O_NONBLOCK where the platform has them (0 elsewhere, e.g. Windows). */
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The file's bytes when they fit in `limit`; never reads more than `limit` + 1 bytes. */
export function readCapped(path: string, limit = MAX_BYTES): FileBytes {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Linux says ELOOP for O_NOFOLLOW on a link; the BSDs and macOS say EMLINK.
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'symlink' };
    return { ok: false, reason: 'error', detail: errorText(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > limit) return { ok: false, reason: 'too-large', bytes: stat.size, atLeast: false }; // not a byte read
    const cap = limit + 1;
    // The size stat gives, plus one byte to see the end; a file that reports 0 (/proc) starts at 16 KiB and grows.
    let grown = Buffer.allocUnsafe(Math.min(cap, stat.size > 0 ? stat.size + 1 : 16 * 1024));
    let filled = 0;
    for (;;) {
      if (filled === grown.length) {
        if (grown.length >= cap) break;
        const bigger = Buffer.allocUnsafe(Math.min(cap, grown.length * 2));
        grown.copy(bigger, 0, 0, filled);
        grown = bigger;
      }
      const n = readSync(fd, grown, filled, grown.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    if (filled > limit) return { ok: false, reason: 'too-large', bytes: filled, atLeast: true };
    return { ok: true, bytes: grown.subarray(0, filled) };
  } catch (error) {
    return { ok: false, reason: 'error', detail: errorText(error) };
  } finally {
    closeSync(fd);
  }
}

/** An error as one line, without a stack. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
