/**
 * The answer files among what an instructor chose or dropped: files from an
 * <input type=file multiple>, a folder from <input webkitdirectory>, or a drop
 * of files and folders (walked through the File and Directory Entries API).
 * Which files are graded, left or noted is the class's rule, shared with the
 * CLI's folder walk (grader/class/files.ts); this only walks. Nothing here
 * reads a file's content; that happens in grade-files.ts. Loaded with the
 * grader, not with the page: the rule brings the grader's wording with it.
 */
import { byPath, isSkipped, lookAtPath, skipNote, type Skip } from '../../../grader/class/files.ts';

/** A file to grade and the path it is reported under (relative to what was dropped). */
export interface Chosen {
  path: string;
  file: File;
}

/** The files to grade, sorted as the CLI sorts them, and the ones left with a note. */
export interface Collected {
  chosen: Chosen[];
  skipped: Skip[];
}

/** Files from an input, by their path inside a chosen folder when there is one. */
export function fromFileList(files: FileList | readonly File[]): Collected {
  return sorted([...files].map((file) => ({ path: file.webkitRelativePath || file.name, file })));
}

/** The notes for the files left with one, as the CLI prints them. */
export function notes(collected: Collected): string[] {
  return collected.skipped.map(skipNote);
}

/**
 * What a drop gave: its entries, which exist only while the drop event runs (so the page takes them there,
 * before this module loads), and its plain file list for browsers that offer no entries.
 */
export interface Dropped {
  entries: FileSystemEntry[];
  files: FileList | readonly File[];
}

/** Files from a drop, walking dropped folders; falls back to the plain file list where entries are not offered. */
export async function fromDrop({ entries, files }: Dropped): Promise<Collected> {
  if (entries.length === 0) return fromFileList(files);
  const out: Chosen[] = [];
  for (const entry of entries) await walk(entry, out, true);
  return sorted(out);
}

/** Every file under `entry`; a folder the class's rule skips is not entered (what was dropped is, whatever its name). */
async function walk(entry: FileSystemEntry, out: Chosen[], dropped: boolean): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
    out.push({ path, file });
    return;
  }
  if (!entry.isDirectory || (!dropped && isSkipped(entry.name))) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the folder in batches (100 in Chromium) until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out, false);
  }
}

/** The files the class's rule grades, in order, and its notes for the others. */
function sorted(found: readonly Chosen[]): Collected {
  const chosen: Chosen[] = [];
  const skipped: Skip[] = [];
  for (const c of found) {
    const look = lookAtPath(c.path);
    if (look === 'grade') chosen.push(c);
    else if (look !== 'leave') skipped.push(look);
  }
  return { chosen: chosen.sort(byPath), skipped: skipped.sort(byPath) };
}

/**
 * Files that are one file under several paths, as far as a browser can tell: a folder chosen or dropped
 * reaches a symbolic link's target as an ordinary file, so a link in one learner's folder to a classmate's
 * answers shows only as the same bytes with the same modification time. Each path → the others like it.
 */
export function sameFiles(files: readonly { path: string; lastModified: number; bytes: Uint8Array }[]): Map<string, string[]> {
  const byKey = new Map<string, { path: string; bytes: Uint8Array }[]>();
  const same = new Map<string, string[]>();
  for (const { path, lastModified, bytes } of files) {
    const key = `${bytes.length}:${lastModified}:${fnv1a(bytes)}`;
    const earlier = byKey.get(key) ?? [];
    for (const other of earlier) {
      if (!equalBytes(other.bytes, bytes)) continue;
      same.set(path, [...(same.get(path) ?? []), other.path]);
      same.set(other.path, [...(same.get(other.path) ?? []), path]);
    }
    byKey.set(key, [...earlier, { path, bytes }]);
  }
  return same;
}

/** FNV-1a, 32 bits: a cheap first sort; equal files are then compared byte by byte. */
function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
