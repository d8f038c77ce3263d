/**
 * A ready Gradescope autograder (gradescope-autograder.zip beside the built
 * pages), made by the build: setup.sh and run_autograder at the root of the
 * zip, as Gradescope's autograder specification asks
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/), with the
 * site's grade.mjs (its settings inside). setup.sh installs Node 20 while
 * Gradescope builds the image; grading a submission needs no network.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/** Runs once, when Gradescope builds the autograder's image (network allowed there). */
export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once, while it builds the autograder image: it installs Node 20,
# which grade.mjs needs. Grading a submission later needs no network.
set -euo pipefail
apt-get update
apt-get install -y ca-certificates curl gnupg
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y nodejs
node --version
`;

/** Runs for each submission: grades the files in /autograder/submission into results.json. */
export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for each submission (working folder /autograder). grade.mjs writes
# results.json itself (--format gradescope): a score and one test per part, with its feedback.
cd /autograder/source
node grade.mjs /autograder/submission --format gradescope --out /autograder/results/results.json
status=$?
if [ ! -s /autograder/results/results.json ]; then
  # No answers file at all (exit code 2): say so to the learner instead of failing the autograder.
  printf '%s\\n' '{"score": 0, "output": "No answers file (.yaml, .yml or .json) was found in your submission. Download your answers from the course site and submit that file.", "tests": []}' > /autograder/results/results.json
fi
echo "grade.mjs exited with $status"
exit 0
`;

interface Entry {
  name: string;
  data: Uint8Array;
  executable: boolean;
}

/** A ZIP archive of stored (uncompressed) files, with Unix permissions so the scripts stay executable. */
export function storedZip(entries: readonly Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, so the same files give the same bytes.
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(entry.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix: the external attributes are a mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.executable ? 0o100755 : 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Writes gradescope-autograder.zip into `dir`, with `graderFile` (the built grade.mjs) inside. */
export async function writeGradescopeBundle(options: { dir: string; graderFile: string }): Promise<string> {
  const text = (s: string) => new TextEncoder().encode(s);
  const zip = storedZip([
    { name: 'setup.sh', data: text(SETUP_SH), executable: true },
    { name: 'run_autograder', data: text(RUN_AUTOGRADER), executable: true },
    { name: 'grade.mjs', data: readFileSync(options.graderFile), executable: false },
  ]);
  const out = join(options.dir, 'gradescope-autograder.zip');
  writeFileSync(out, zip);
  return out;
}
