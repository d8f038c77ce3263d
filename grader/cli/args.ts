/**
 * The command line's flags, in one table, read by one pure function
 * (parseArgs: argv in, a typed command out, never throws). To add a flag,
 * add a row to FLAGS and a field to GradeArgs; the help text is in text.ts.
 */
import { CLI } from './help-text.ts';

/** Report formats; main.ts maps each name to its formatter (a Record, so a new name without one fails to compile). */
export const FORMATS = ['text', 'json', 'junit', 'markdown', 'csv', 'canvas', 'moodle', 'gradescope'] as const;
/** --keep: which of a learner's several files counts (class/gradebook.ts). */
export const KEEP = ['latest', 'best'] as const;
export type Format = (typeof FORMATS)[number];

/** What `npm run grade -- <paths> [flags]` asks for. Paths are as typed: main.ts resolves them from the caller's folder. */
export interface GradeArgs {
  paths: string[];
  format: Format;
  out?: string;
  /** The pass mark in percent, 0–100. */
  minScore: number;
  /** --variants / --no-variants; undefined: the course setting decides. */
  variants?: boolean;
  /** --roster: a CSV with a `learner` column, held against the files. */
  roster?: string;
  /** --feedback-dir: where one Markdown feedback file per graded file is written. */
  feedbackDir?: string;
  /** --roster-column: the roster's id column, when it is not `learner` (or a Canvas or Moodle export's). */
  rosterColumn?: string;
  /** --keep latest|best: which of a learner's files counts; default latest. */
  keep?: (typeof KEEP)[number];
  /** --course FILE: a course.json to grade with instead of the deployment's own settings. */
  course?: string;
  /** --learner ID, with --template: the template is this learner's, with their numbers under variants. */
  learner?: string;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'template'; out?: string; learner?: string; course?: string; variants?: boolean }
  | {
      kind: 'answer-key';
      roster?: string;
      rosterColumn?: string;
      out?: string;
      format: 'csv' | 'text';
      course?: string;
      variants?: boolean;
    }
  | ({ kind: 'grade' } & GradeArgs)
  | { kind: 'usage-error'; message: string };

/** Options being read: GradeArgs plus the switches that pick another command. */
interface Draft extends GradeArgs {
  help: boolean;
  template: boolean;
  answerKey: boolean;
}

/** A flag either switches (no value) or takes the next argument; `apply` returns a usage error or nothing. */
type Flag =
  | { takesValue: false; apply: (draft: Draft) => void }
  | { takesValue: true; apply: (draft: Draft, value: string) => string | undefined };

const FLAGS: Record<string, Flag> = {
  '--help': {
    takesValue: false,
    apply: (d) => {
      d.help = true;
    },
  },
  '-h': {
    takesValue: false,
    apply: (d) => {
      d.help = true;
    },
  },
  '--template': {
    takesValue: false,
    apply: (d) => {
      d.template = true;
    },
  },
  '--variants': {
    takesValue: false,
    apply: (d) => {
      d.variants = true;
    },
  },
  '--no-variants': {
    takesValue: false,
    apply: (d) => {
      d.variants = false;
    },
  },
  '--out': {
    takesValue: true,
    apply: (d, v) => {
      d.out = v;
      return undefined;
    },
  },
  '--roster': {
    takesValue: true,
    apply: (d, v) => {
      d.roster = v;
      return undefined;
    },
  },
  '--feedback-dir': {
    takesValue: true,
    apply: (d, v) => {
      d.feedbackDir = v;
      return undefined;
    },
  },
  '--roster-column': {
    takesValue: true,
    apply: (d, v) => {
      d.rosterColumn = v;
      return undefined;
    },
  },
  '--course': {
    takesValue: true,
    apply: (d, v) => {
      d.course = v;
      return undefined;
    },
  },
  '--learner': {
    takesValue: true,
    apply: (d, v) => {
      if (v.trim() === '') return CLI.blankLearner;
      d.learner = v;
    },
  },
  '--answer-key': {
    takesValue: false,
    apply: (d) => {
      d.answerKey = true;
    },
  },
  '--keep': {
    takesValue: true,
    apply: (d, v) => {
      if (!(KEEP as readonly string[]).includes(v)) return CLI.badKeep(v);
      d.keep = v as (typeof KEEP)[number];
    },
  },
  '--format': {
    takesValue: true,
    apply: (d, v) => {
      if (!(FORMATS as readonly string[]).includes(v)) return CLI.badFormat(v);
      d.format = v as Format;
    },
  },
  '--min-score': {
    takesValue: true,
    apply: (d, v) => {
      const read = readMinScore(v);
      if (typeof read === 'string') return read;
      d.minScore = read;
    },
  },
};

/**
 * A percentage from 0 to 100 ("80" or "80%"). A value above 0 and below 1
 * without a % sign ("0.8") is refused: it reads like a fraction, and taken as
 * a percentage it would let almost every file pass without a word.
 */
export function readMinScore(value: string): number | string {
  const n = /^\d+(?:\.\d+)?%?$/.test(value) ? Number.parseFloat(value) : Number.NaN;
  if (!(n >= 0 && n <= 100)) return CLI.badMinScore(value);
  if (n > 0 && n < 1 && !value.endsWith('%')) return CLI.minScoreFraction(value, Number((n * 100).toPrecision(12)));
  return n;
}

/** Reads the arguments after `npm run grade --`; pure, never throws. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const draft: Draft = { paths: [], format: 'text', minScore: 0, help: false, template: false, answerKey: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      draft.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      draft.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const flag = Object.hasOwn(FLAGS, name) ? FLAGS[name]! : undefined;
    if (!flag) return { kind: 'usage-error', message: CLI.unknownFlag(name) };
    if (!flag.takesValue) {
      if (eq !== -1) return { kind: 'usage-error', message: CLI.takesNoValue(name) };
      flag.apply(draft);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : i + 1 < argv.length ? argv[++i] : undefined;
    if (value === undefined) return { kind: 'usage-error', message: CLI.missingValue(name) };
    const error = flag.apply(draft, value);
    if (error !== undefined) return { kind: 'usage-error', message: error };
  }
  const { help, template, answerKey, ...args } = draft;
  if (help) return { kind: 'help' };
  if (answerKey) {
    if (args.paths.length > 0) return { kind: 'usage-error', message: CLI.answerKeyTakesNoPaths };
    if (args.format !== 'text' && args.format !== 'csv') return { kind: 'usage-error', message: CLI.answerKeyFormat };
    const { roster, rosterColumn, out, format, course, variants } = args;
    return {
      kind: 'answer-key',
      format,
      ...(variants === undefined ? {} : { variants }),
      ...(roster === undefined ? {} : { roster }),
      ...(rosterColumn === undefined ? {} : { rosterColumn }),
      ...(out === undefined ? {} : { out }),
      ...(course === undefined ? {} : { course }),
    };
  }
  if (template) {
    if (args.paths.length > 0) return { kind: 'usage-error', message: CLI.templateTakesNoPaths };
    const { out, learner, course, variants } = args;
    return {
      kind: 'template',
      out,
      ...(learner === undefined ? {} : { learner }),
      ...(course === undefined ? {} : { course }),
      ...(variants === undefined ? {} : { variants }),
    };
  }
  if (args.learner !== undefined) return { kind: 'usage-error', message: CLI.learnerNeedsTemplate };
  if (args.paths.length === 0) return { kind: 'usage-error', message: CLI.noPaths };
  const { variants, out, learner: _learner, ...rest } = args;
  return { kind: 'grade', ...rest, out, ...(variants === undefined ? {} : { variants }) };
}
