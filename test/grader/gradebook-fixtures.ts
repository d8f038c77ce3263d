/**
 * A class as an instructor receives it, variants on: learners' own answers,
 * a resubmission (draft and final, with `submitted:` times), seven files
 * that cannot be parsed (six with a readable `learner:` line, one without),
 * and a duplicate key that touches one part. With the rosters Canvas and
 * Moodle export for it.
 */
import { answersToYaml } from '../../grader/report/answers-yaml.ts';
import { referenceAnswers, type ClassFile } from './class-fixtures.ts';

/** A downloaded answers file (the site's own writer), with a `submitted:` time when given, as the download writes it. */
function download(learner: string, answers: ReturnType<typeof referenceAnswers>, submitted?: string): string {
  return answersToYaml({ learner, answers, ...(submitted === undefined ? {} : { submitted }) });
}

/** The learners on the rosters, as the LMS spells them (S066's id typed in capitals in the file). */
export const LEARNERS = [
  'ada@uni.edu',
  'bob@uni.edu',
  'carol@uni.edu',
  's066@uni.edu',
  'tab@uni.edu',
  'colon@uni.edu',
  'indent@uni.edu',
  'quote@uni.edu',
  'utf16@uni.edu',
  'dup@uni.edu',
  'absent@uni.edu',
];

/** Learners whose only file cannot be parsed, and the file. */
export const UNREADABLE = ['tab@uni.edu', 'colon@uni.edu', 'indent@uni.edu', 'quote@uni.edu', 'utf16@uni.edu'];

export function hostileClass(): { path: string; bytes: Uint8Array; mtime?: number }[] {
  const text = (path: string, body: string) => ({ path, bytes: new TextEncoder().encode(body) });
  const own = (learner: string) => referenceAnswers(learner, true);
  const files = [
    text('ada.yaml', download('ada@uni.edu', own('ada@uni.edu'), '2026-03-01T10:00:00Z')),
    text('bob.yaml', download('bob@uni.edu', own('bob@uni.edu'), '2026-03-01T10:00:00Z')),
    // Carol's draft is later on disk but earlier by `submitted:`; her final is worse than her draft.
    text('carol-final.yaml', download('carol@uni.edu', { ...own('carol@uni.edu'), 'relu-swap': {} }, '2026-03-02T09:00:00Z')),
    text('carol-draft.yaml', download('carol@uni.edu', own('carol@uni.edu'), '2026-03-01T09:00:00Z')),
    text('S066.yaml', download('S066@UNI.EDU', own('s066@uni.edu'), '2026-03-01T10:00:00Z')),
    text('tab.yaml', 'learner: tab@uni.edu\nanswers:\n\tsigmoid-max:\n\t\tmax_value: 1/4\n'),
    text('colon.yaml', 'learner: colon@uni.edu\nanswers:\n  sigmoid-max:\n    max_value:1/4\n    argmax_sigma: [\n'),
    text('indent.yaml', 'learner: indent@uni.edu\nanswers:\n  sigmoid-max:\n      max_value: 1/4\n    argmax_sigma: 0.5\n'),
    text('quote.yaml', 'learner: "quote@uni.edu"\nanswers:\n  sigmoid-max:\n    max_value: "1/4\n'),
    { path: 'utf16.yaml', bytes: utf16le('learner: utf16@uni.edu\nanswers:\n  sigmoid-max:\n    max_value: 1/4\n') },
    text('nobody.yaml', 'answers:\n  sigmoid-max:\n\tmax_value: 1/4\n'),
    text('dup.yaml', download('dup@uni.edu', own('dup@uni.edu')).replace(/^( {4}max_value: .*)$/m, '$1\n    max_value: 0.3')),
  ];
  return files;
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
  return bytes;
}

/** Canvas's gradebook export for the class: its identity columns, a points line, a test student. */
export const CANVAS_ROSTER = [
  'Student,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (101),Current Score',
  '    Points Possible,,,,,10,(read only)',
  ...LEARNERS.map((l, i) => `"${l.split('@')[0]!.toUpperCase()}, Learner",${1000 + i},SIS${i},${i === 3 ? 'S066@uni.edu' : l},Section A,,`),
].join('\r\n');

/** Moodle's export: names, e-mail as Moodle stores it (case kept: Moodle matches it case-sensitively). */
export const MOODLE_ROSTER = [
  'First name,Last name,ID number,Institution,Department,Email address',
  ...LEARNERS.map((l, i) => `L${i},Learner,ID${i},Uni,CS,${i === 3 ? 'S066@uni.edu' : l}`),
].join('\n');

export type { ClassFile };
