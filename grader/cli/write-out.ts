/**
 * Writes --out so that a failure never costs the report already there: the
 * text goes to a new hidden file beside it (opened exclusively, never through
 * a link), and only a complete file is renamed over the old one. A formatter
 * that throws half-way, or a full disk, leaves the earlier report as it was.
 */
import { closeSync, fchmodSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CLI } from './help-text.ts';

/** Writes --out, the text or its pieces in order; a failure (permissions, a full disk, a formatter's error) is a message, not a stack trace. */
export function writeOut(given: string, out: string, text: string | Iterable<string>): string | undefined {
  const target = realOrSelf(out); // a link to a report is kept, and its target replaced
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
    const mode = statSync(target, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined) fchmodSync(fd, mode & 0o777);
    writePieces(fd, typeof text === 'string' ? [text] : text);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already gone
    }
    return CLI.cannotWrite(given, error instanceof Error ? error.message : String(error));
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Bytes gathered before each write: few system calls, and one buffer reused rather than a string the size of the report. */
const WRITE_BUFFER = 1 << 20;

/** Writes the pieces' UTF-8 in order, through one reused buffer (a piece too large for it is written on its own). */
function writePieces(fd: number, pieces: Iterable<string>): void {
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER);
  let used = 0;
  const flush = (): void => {
    writeAll(fd, buffer.subarray(0, used));
    used = 0;
  };
  for (const piece of pieces) {
    const most = piece.length * 3; // UTF-8 bytes per UTF-16 unit: at most 3 (a pair of units, 4)
    if (used + most > buffer.length) flush();
    if (most > buffer.length) writeAll(fd, Buffer.from(piece));
    else used += buffer.write(piece, used);
  }
  flush();
}

/** Writes all of `bytes` at the file's position (writeSync may write less than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
