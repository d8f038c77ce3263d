/**
 * `npm run grade -- --template > answers.yaml`: npm writes its banner
 * ("> vanishing-gradients@0.1.0 grade" and the command line) to stdout
 * before the grader starts, so the file would begin with two lines that are
 * not YAML. When stdout is a regular file that holds exactly that banner and
 * nothing else, the template replaces it from the first byte. Anything else
 * (a terminal, a pipe, a file appended to with earlier content) is left as
 * it is. `--out FILE` and `npm run -s grade` avoid the banner altogether.
 */
import { fstatSync, ftruncateSync, readFileSync, writeSync } from 'node:fs';

/** npm's run-script banner: a blank line, "> name@version event", "> command args", a blank line. */
const NPM_BANNER = /^\n> [^\n]+@[^\n]+ [^\n]+\n> [^\n]+\n\n?$/;

/** Writes `text` over npm's banner when fd 1 is a file holding only that banner; true when it did. */
export function replaceNpmBanner(text: string, fd = 1, self = '/dev/fd/1'): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size === 0 || stat.size > 4096) return false;
    // fd 1 is usually write-only; /dev/fd/1 opens the same file again for reading (Linux; elsewhere this throws).
    if (!NPM_BANNER.test(readFileSync(self, 'utf8'))) return false;
    ftruncateSync(fd, 0);
    writeSync(fd, text, 0);
    return true;
  } catch {
    return false;
  }
}
