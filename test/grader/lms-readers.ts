/**
 * How each LMS reads a gradebook file, written from its documentation (the
 * instructors' guide cites the same pages). Each reader throws where the LMS
 * would refuse the file or lose a learner, so a test that runs it fails on a
 * file the LMS would not take.
 */
import { parseCsv } from '../../grader/read/rfc4180.ts';

/**
 * Canvas, "Import grades in the Gradebook": the header must carry the export's identity columns
 * (Student, ID, SIS User ID, SIS Login ID, Section) before the assignment columns; students are matched
 * by their IDs (here SIS Login ID, compared case-folded); a "Points Possible" line is allowed; a row
 * naming a student Canvas does not have is an error. Returns the score per SIS Login ID ('' when blank).
 */
export function canvasImport(csv: string, students: readonly { sisLogin: string; id: string }[]): Map<string, string> {
  const [header, ...rows] = parseCsv(csv);
  const identity = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'];
  if (!header || identity.some((name, i) => header[i] !== name))
    throw new Error(`Canvas: the first columns must be ${identity.join(', ')}, not ${header?.slice(0, 5).join(', ')}`);
  if (header.length !== identity.length + 1)
    throw new Error(`Canvas: expected one assignment column, got ${header.length - identity.length}`);
  const scores = new Map<string, string>();
  for (const row of rows) {
    if (row[0]!.trim() === 'Points Possible') continue;
    const login = row[3]!.trim().toLowerCase();
    const student = students.find((s) => s.sisLogin.toLowerCase() === login && s.id === row[1]);
    if (!student) throw new Error(`Canvas: no student with SIS Login ID '${row[3]}' and ID '${row[1]}'`);
    if (scores.has(login)) throw new Error(`Canvas: '${row[3]}' is listed twice`);
    const score = row[5] ?? '';
    if (score !== '' && !Number.isFinite(Number(score))) throw new Error(`Canvas: '${score}' is not a score`);
    scores.set(login, score);
  }
  return scores;
}

/**
 * Moodle, "Grade import" (CSV): the instructor maps ONE identity column to the user field (e-mail, matched
 * case-sensitively, MDL-29315; or ID number), and a grade column; any value of that column Moodle cannot
 * find as a user aborts the whole import (load_data.php check_user_exists), a blank one included.
 * Returns grade and feedback per id.
 */
export function moodleImport(
  csv: string,
  users: readonly string[],
  map: { identity: string; grade: string; feedback?: string },
): Map<string, { grade: string; feedback: string }> {
  const [header, ...rows] = parseCsv(csv);
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`Moodle: no column '${name}' to map (columns: ${header!.join(', ')})`);
    return i;
  };
  const id = col(map.identity);
  const grade = col(map.grade);
  const feedback = map.feedback === undefined ? -1 : col(map.feedback);
  const out = new Map<string, { grade: string; feedback: string }>();
  for (const row of rows) {
    const user = row[id] ?? '';
    if (!users.includes(user)) throw new Error(`Moodle: user mapping error: no user with '${user}'; the import is aborted`);
    const value = row[grade] ?? '';
    if (value !== '' && !Number.isFinite(Number(value))) throw new Error(`Moodle: '${value}' is not a grade`);
    out.set(user, { grade: value, feedback: feedback < 0 ? '' : (row[feedback] ?? '') });
  }
  return out;
}

/**
 * Gradescope's autograder results.json (gradescope-autograders.readthedocs.io/en/latest/specs/): `score`
 * a number (or every test has one), `tests` an array of objects whose `score` and `max_score` are numbers,
 * `name` and `output` strings, and `visibility` one of hidden, after_due_date, after_published, visible.
 */
export function gradescopeRead(text: string): {
  score: number;
  tests: { name: string; score: number; max_score: number; output: string; visibility: string }[];
} {
  const data = JSON.parse(text) as Record<string, unknown>;
  if (typeof data.score !== 'number') throw new Error('Gradescope: score must be a number');
  if (!Array.isArray(data.tests)) throw new Error('Gradescope: tests must be an array');
  for (const t of data.tests as Record<string, unknown>[]) {
    if (typeof t.name !== 'string' || typeof t.output !== 'string')
      throw new Error('Gradescope: a test needs a name and an output (strings)');
    if (typeof t.score !== 'number' || typeof t.max_score !== 'number')
      throw new Error('Gradescope: a test needs score and max_score (numbers)');
    if (!['hidden', 'after_due_date', 'after_published', 'visible'].includes(t.visibility as string))
      throw new Error(`Gradescope: bad visibility '${String(t.visibility)}'`);
  }
  return data as ReturnType<typeof gradescopeRead>;
}
