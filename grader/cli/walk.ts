/**
 * Finds the answer files under the paths given, without trusting the tree:
 * an iterative walk (a 2,000-deep folder cannot overflow the stack), symbolic
 * links followed only when their real path stays inside the folder being
 * graded (or, for a path given directly, inside the caller's folder), each
 * real folder listed once (so a link back up is no loop), each real file
 * graded once however many spellings reach it, always under its own path
 * (a link in one learner's folder to a classmate's file never takes that
 * file's row), every other spelling reported. Which names are graded,
 * skipped or noted is the class's rule (class/files.ts), shared with the
 * browser's class report; this walk adds only the disk's dangers. What cannot
 * be read becomes an entry with its problem, graded as an error: one bad
 * entry never stops the others.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { byPath, isAnswerName, isSkipped, lookAtFile, skipNote, type Skip } from '../class/files.ts';
import { problem } from '../messages/problems.ts';
import type { Problem } from '../schema.ts';
import { errorText } from './read-file.ts';
import { CLI } from './help-text.ts';

/** A file to grade, or an entry that could not be read (its problem says why; graded as an error). */
export interface Found {
  /** The path as the report shows it: as given, joined with the names below it. */
  path: string;
  /** Where it is read from: an absolute path with no symbolic link in it. */
  real: string;
  problem?: Problem;
  /** Other names that reached the same file (links to it, or the path given twice): reported, not graded. */
  spellings?: Spelling[];
}

/** Another name for a file found: its path as shown, and whether it goes through a symbolic link. */
export interface Spelling {
  path: string;
  link: boolean;
}

export interface Collected {
  files: Found[];
  /** One line each, for the terminal (stderr): files skipped on purpose that someone might expect graded. */
  notes: string[];
}

export interface CollectOptions {
  /** The caller's folder: relative paths resolve from it, and a path given directly may link only inside it. */
  base: string;
  /** Files never graded: the report being written (--out), given as absolute paths. */
  exclude?: readonly string[];
}

/** The files to grade, in order, or the usage error that stops before grading anything. */
export function collect(paths: readonly string[], options: CollectOptions): Collected | { error: string } {
  const { base } = options;
  const baseReal = realOrSelf(base);
  const excluded = new Set((options.exclude ?? []).map(realOfMaybeMissing));
  const byReal = new Map<string, Found>();
  const notes: string[] = [];
  const add = (found: Found): void => {
    if (found.problem === undefined && excluded.has(found.real)) return;
    const key = found.problem === undefined ? found.real : `${found.real}\u0000${found.path}`;
    const first = byReal.get(key);
    if (!first) return void byReal.set(key, found);
    if (found.problem !== undefined) return;
    // One file, several names (each found file's path is already its own, never a link's): graded once, the others listed.
    const spellings = [...(first.spellings ?? []), ...(found.spellings ?? []), { path: found.path, link: false }];
    const unique = new Map(spellings.filter((s) => s.path !== first.path).map((s) => [s.path, s]));
    byReal.set(key, { ...first, spellings: [...unique.values()] });
  };
  for (const given of paths) {
    const absolute = resolve(base, given);
    const link = lstatOrUndefined(absolute);
    if (!link) return { error: CLI.notFound(given) };
    const target = link.isSymbolicLink() ? followLink(absolute, baseReal) : { real: realOrSelf(absolute) };
    if ('problem' in target) {
      add({ path: given, real: absolute, problem: target.problem });
      continue;
    }
    if (!statSync(target.real).isDirectory()) {
      // A link given by name is graded under its target's path (inside the caller's folder), like a link in a folder.
      if (link.isSymbolicLink())
        add({ path: relative(baseReal, target.real), real: target.real, spellings: [{ path: given, link: true }] });
      else add({ path: given, real: target.real });
      continue;
    }
    const skips: Skip[] = [];
    const found = walk(given, target.real, skips);
    notes.push(...skips.sort(byPath).map(skipNote)); // in path order, as the class report lists them, whatever order the disk lists
    const answerFiles = found.filter((f) => f.problem === undefined && !excluded.has(f.real));
    if (found.length === 0 || (answerFiles.length === 0 && found.every((f) => f.problem === undefined)))
      return { error: [CLI.noFiles(given), ...notes].join('\n') }; // a near miss says how to rename it, as in the class report
    for (const f of found.sort(byPath)) add(f);
  }
  const files = [...byReal.values()].sort(byPath);
  for (const f of files) {
    f.spellings?.sort(byPath);
    for (const s of f.spellings ?? []) notes.push(CLI.alsoReached(s.path, f.path, s.link));
  }
  return { files, notes };
}

/** The warnings a file's report carries for its other names (every format shows them). */
export function spellingWarnings(found: Found): Problem[] {
  return (found.spellings ?? []).map((s) => problem('also-reached', '', { spelling: s.path, link: s.link }));
}

/** Every answer file under `root` (a real path), iteratively. */
function walk(display: string, root: string, skips: Skip[]): Found[] {
  const found: Found[] = [];
  const listed = new Set<string>([root]);
  const folderLinks = new Map<string, string[]>(); // a folder's real path → the links to it
  const stack = [{ path: display, real: root }];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.real, { withFileTypes: true });
    } catch (error) {
      found.push({ path: dir.path, real: dir.real, problem: problem('unlisted', '', { detail: errorText(error) }) });
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (isSkipped(name)) continue;
      const path = join(dir.path, name);
      const real = join(dir.real, name);
      if (entry.isSymbolicLink()) {
        const target = followLink(real, root);
        if ('problem' in target) {
          // A loop is reported whatever its name (it may have been a folder); other refused links only when named like an answers file.
          if (isAnswerName(name) || target.loop || isFolderLink(real)) found.push({ path, real, problem: target.problem });
          continue;
        }
        const stat = statSync(target.real, { throwIfNoEntry: false });
        // A folder inside the graded folder is walked where it is; a link to it only adds names for its files.
        if (stat?.isDirectory()) folderLinks.set(target.real, [...(folderLinks.get(target.real) ?? []), path]);
        else if (asked(name, path, skips)) found.push({ path, real: target.real });
        continue;
      }
      if (entry.isDirectory()) {
        if (!listed.has(real)) {
          listed.add(real);
          stack.push({ path, real });
        }
      } else if (asked(name, path, skips)) found.push({ path, real }); // sockets and FIFOs too: the reader says "not a regular file"
    }
  }
  // A file reached through a link is shown under its own path in the folder; the link's name, and its
  // name through each link to a folder above it, are listed with it.
  return found.map((f) => {
    if (f.problem !== undefined) return f;
    const own = join(display, relative(root, f.real));
    const spellings = own === f.path ? [] : [{ path: f.path, link: true }];
    for (let folder = dirname(f.real); folder.length > root.length && folder !== dirname(folder); folder = dirname(folder)) {
      for (const link of folderLinks.get(folder) ?? []) spellings.push({ path: join(link, relative(folder, f.real)), link: true });
    }
    return spellings.length === 0 ? f : { ...f, path: own, spellings };
  });
}

/** Whether the class's rule grades the file `name`; a skip it notes goes into `skips`. */
function asked(name: string, path: string, skips: Skip[]): boolean {
  const look = lookAtFile(name, path);
  if (typeof look === 'object') skips.push(look);
  return look === 'grade';
}

/** A link's real path when it stays inside `inside` (a real path), else the problem that refuses it. */
function followLink(path: string, inside: string): { real: string } | { problem: Problem; loop: boolean } {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: problem('symlink', '', { reason: 'loop' }), loop: true };
    if (code === 'ENOENT') return { problem: problem('symlink', '', { reason: 'broken' }), loop: false };
    return { problem: problem('unreadable', '', { detail: errorText(error) }), loop: false };
  }
  return real === inside || real.startsWith(inside.endsWith(sep) ? inside : inside + sep)
    ? { real }
    : { problem: problem('symlink', '', { reason: 'outside' }), loop: false };
}

function isFolderLink(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** lstat, with "a file where a folder should be" (ENOTDIR) counted as not there, like a missing path. */
function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The real path of a file that may not exist yet (--out before its first run). */
function realOfMaybeMissing(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return join(realOrSelf(dirname(path)), basename(path));
  }
}
