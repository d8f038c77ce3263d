/** The CLI's own words: help, usage errors and notes on the terminal. Only the command line prints these. */
import { q } from '../messages/quote.ts';

/** The CLI's help and usage errors. */
export const CLI = {
  help: [
    'Grades Vanishing Gradients answer files (YAML or JSON).',
    '',
    'Usage:',
    '  node grade.mjs <file or folder>... [--format FORMAT] [--out FILE] [--min-score PERCENT]',
    '                 [--roster FILE] [--roster-column NAME] [--keep latest|best] [--feedback-dir DIR]',
    '  node grade.mjs --template [--learner ID] --out answers.yaml',
    '  node grade.mjs --answer-key --roster roster.csv [--format text|csv] [--out FILE]',
    '  (inside the course checkout: npm run grade -- … runs the same)',
    '',
    'Options:',
    '  --format FORMAT     text (default), json, junit, markdown; csv (a gradebook: a row per learner);',
    '                      canvas (--roster a Canvas gradebook export), moodle (--roster a Moodle export or',
    '                      a list of their e-mails or ID numbers), gradescope (results.json for one submission)',
    '  --out FILE          write the report to FILE; the terminal then shows only the summary line',
    '  --min-score PERCENT files scoring below this fail (exit code 1); default 0; 80 or 80% for 80 percent',
    "  --variants          grade each learner's own variant; --no-variants grades the post's numbers",
    '                      (default: the settings the site was built with); learner ids ignore case and outer spaces',
    '  --course FILE       grade with the settings in FILE (a course.json from a build) instead',
    '  --roster FILE       a CSV with a learner column: lists learners with no file, files not on the roster',
    '                      and learners with several files (in the csv format, missing learners get rows)',
    "  --roster-column NAME the roster's id column (default: learner, or a Canvas or Moodle export's own)",
    "  --keep latest|best  which of a learner's several files counts (default latest: by `submitted:`, else",
    "                      the file's modification time); the others are listed",
    "  --answer-key        each roster learner's numbers and correct answers (text or csv), for instructors",
    '  --feedback-dir DIR  write one Markdown feedback file per graded file into DIR, named by learner id',
    '  --template          a blank answers template with every question as a comment, to --out or stdout',
    '                      (npm prints a banner on stdout: use --out, or `npm run -s grade -- --template > FILE`)',
    '  --learner ID        with --template: the template filled in with this learner id and, when the course',
    "                      gives each learner their own numbers, showing this learner's numbers",
    '  --help              show this help',
    '',
    'With more than one file, the text and Markdown reports end with a class summary.',
    '',
    'Relative paths are read from the folder you run the command in. Folders are searched recursively for',
    '*.yaml, *.yml and *.json; hidden entries, node_modules, __MACOSX, the --out file and earlier reports',
    'are skipped; symbolic links are followed only inside the folder given; each file is graded once.',
    'Exit codes: 0 every file graded and at or above --min-score; 1 a file unreadable, invalid or below',
    '--min-score; 2 usage error (unknown flag, no paths, a path that does not exist, no answer files found,',
    'an --out that cannot be written) or an unexpected failure.',
  ].join('\n'),
  seeHelp: 'Run with --help for usage.',
  unknownFlag: (flag: string) => `unknown option ${q(flag)}`,
  missingValue: (flag: string) => `${flag} needs a value`,
  takesNoValue: (flag: string) => `${flag} takes no value`,
  minScoreFraction: (value: string, percent: number) =>
    `--min-score takes a percentage, and ${q(value)} would be ${value} percent; did you mean ${percent}? (write ${value}% if you meant ${value} percent)`,
  alsoReached: (spelling: string, path: string, link: boolean) =>
    link
      ? `${q(spelling)} is a symbolic link to ${q(path)}: graded once, under ${q(path)}`
      : `${q(spelling)} is the file ${q(path)} again: graded once, under ${q(path)}`,
  workerFailed: (reason: string) =>
    `note: a worker thread could not grade its share of the files (${reason}); the other threads graded them instead`,
  nothingToGrade: 'no answer files left to grade (every file found was skipped)',
  unexpected: (detail: string) => `the grader stopped unexpectedly (${detail}); please report this`,
  badFormat: (value: string) => `unknown format ${q(value)}; use text, json, junit, markdown, csv, canvas, moodle or gradescope`,
  badKeep: (value: string) => `unknown --keep ${q(value)}; use latest or best`,
  answerKeyTakesNoPaths: '--answer-key takes no paths (it needs --roster)',
  answerKeyFormat: '--answer-key writes text or csv',
  answerKeyNeedsRoster: '--answer-key needs --roster: the learners whose numbers to list',
  canvasNeedsRoster:
    "--format canvas needs --roster with the course's Canvas gradebook export (Grades, Export), whose identity columns it writes back",
  moodleNeedsRoster:
    '--format moodle needs --roster (a Moodle export, or a list of e-mails or ID numbers): one id Moodle cannot find aborts its whole import',
  courseUnreadable: (path: string, detail: string) => `cannot read --course ${q(path)} (${detail})`,
  envOverruled: (env: string, variants: boolean, where: string) =>
    `note: COURSE_VARIANTS=${env} is ignored: ${where} holds the settings this deployment was built with (variants ${variants ? 'on' : 'off'}); use --variants or --no-variants to grade otherwise`,
  lastBuildDiffers:
    'note: grading with the settings of the last build (dist/course.json), which differ from course.config.ts now; rebuild the site, or use --course FILE or --variants/--no-variants',
  variantsOffButNamed: (named: number, files: number) =>
    `warning: variants are off, yet ${named} of ${files} files name a learner: everyone was graded against the post's numbers; if the site asks learners for their id (built with variants on), grade with --variants or that build's grade.mjs`,
  variantsOnButAnonymous: (anonymous: number, files: number) =>
    `warning: variants are on, yet ${anonymous} of ${files} files name no learner: they cannot be graded against anyone's numbers; if the site was built with variants off, grade with --no-variants`,
  byHand: (count: number) => `${count} ${count === 1 ? 'file is' : 'files are'} in no gradebook row; check by hand:`,
  byHandLine: (path: string, reason: string) => `  ${path}: ${reason}`,
  several: (learner: string, keep: string, kept: string, others: readonly string[]) =>
    `${learner}: kept the ${keep} file ${q(kept)}; not counted: ${others.map(q).join(', ')}`,
  rosterUnreadable: (path: string, detail: string) => `cannot read --roster ${q(path)} (${detail})`,
  rosterProblem: (path: string, detail: string) => `--roster ${q(path)}: ${detail}`,
  rosterNote: (path: string, detail: string) => `--roster ${q(path)}: ${detail}`,
  feedbackDirIsFile: (dir: string) => `--feedback-dir ${q(dir)} is a file; give a folder (it is created if missing)`,
  cannotWriteFeedback: (dir: string, detail: string, written: number) =>
    `cannot write the feedback files into ${q(dir)} (${detail}); ${written} ${written === 1 ? 'was' : 'were'} written before that`,
  wroteFeedback: (count: number, dir: string) => `wrote ${count} feedback ${count === 1 ? 'file' : 'files'} into ${q(dir)}`,
  badMinScore: (value: string) => `--min-score takes a percentage from 0 to 100, not ${q(value)}`,
  noPaths: 'no answer files or folders given',
  templateTakesNoPaths: '--template takes no paths',
  learnerNeedsTemplate: '--learner goes with --template (a graded file names its learner on its own `learner:` line)',
  blankLearner: '--learner needs a learner id, such as --learner ada@example.edu',
  templatePostNumbers: (learner: string) =>
    `note: variants are off for this course, so every learner answers the post's numbers; the template names ${q(learner)} and shows the post's`,
  notFound: (path: string) => `${q(path)} does not exist`,
  notAFile: 'not a regular file',
  noFiles: (path: string) => `no answer files (*.yaml, *.yml, *.json) found in ${q(path)}`,
  outIsFolder: (out: string) => `--out ${q(out)} is a folder; give a file name`,
  outFolderMissing: (out: string, folder: string) => `cannot write --out ${q(out)}: the folder ${q(folder)} does not exist`,
  cannotWrite: (out: string, detail: string) => `cannot write --out ${q(out)} (${detail}); any earlier file there is left as it was`,
  badConfig: (detail: string) => `cannot load course.config.ts:\n${detail}`,
  moreAnnotations: (count: number) => `${count} more problems are in the job summary and the report`,
};
