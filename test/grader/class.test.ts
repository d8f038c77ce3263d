/** The class view as a library: counts, misconceptions, roster, copies, gradebook, feedback files. */
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { findCopies } from '../../grader/class/copies.ts';
import { feedbackFiles, safeName } from '../../grader/class/feedback-files.ts';
import { checkRoster, readRoster } from '../../grader/class/roster.ts';
import { misconceptionCounts, partCounts, scoreDistribution } from '../../grader/class/summary.ts';
import { parseCsv, toCsv } from '../../grader/read/rfc4180.ts';
import { formatCsv, gradebookHeader } from '../../grader/report/gradebook-csv.ts';
import { formatJson } from '../../grader/report/json-report.ts';
import { formatMarkdown } from '../../grader/report/markdown.ts';
import { formatText } from '../../grader/report/text.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { ReportSchema } from '../../grader/schema.ts';
import { PARTS } from '../support/course.ts';
import { generatedClass, misconceptionValue, ROSTER_CSV, variantClass } from './class-fixtures.ts';

const { gradeText } = createGrader();
const grade = (files: { path: string; text: string }[], variants = false) =>
  files.map(({ path, text }) => gradeText(text, { path, variants }));
const reports = grade(generatedClass());
const roster = (() => {
  const read = readRoster(ROSTER_CSV);
  if (!read.ok) throw new Error(read.message);
  return read.learners;
})();

describe('misconception ids and the JSON summary', () => {
  it('names the catalogued misconception on the part, and only there', () => {
    const bob = reports.find((r) => r.path === 'bob.json')!;
    const part = bob.exercises.find((e) => e.id === 'deeper-network')!.parts.find((p) => p.id === 'gradient_5_layers')!;
    expect(part.misconception).toBe(misconceptionValue('deeper-network', 'gradient_5_layers', undefined, false).id);
    const carol = reports.find((r) => r.path === 'carol.json')!;
    expect(carol.exercises.flatMap((e) => e.parts).filter((p) => p.misconception !== undefined)).toEqual([]);
  });

  it('counts every verdict per part over the graded files only, in the course order', () => {
    const counts = partCounts(reports);
    expect(counts).toHaveLength(PARTS);
    expect(counts[0]).toMatchObject({ exercise: 'sigmoid-max', part: 'max_value' });
    const graded = reports.filter((r) => r.status === 'graded').length;
    expect(graded).toBe(8);
    for (const c of counts) expect(c.correct + c.incorrect + c.invalid + c.missing).toBe(graded);
    const g5 = counts.find((c) => c.part === 'gradient_5_layers')!;
    expect(g5).toMatchObject({ correct: 4, incorrect: 4, invalid: 0, missing: 0 }); // bob's slip, the ring of three
    const relu = counts.find((c) => c.part === 'gradient_relu')!;
    expect(relu.missing).toBe(1); // ada's second file has no relu-swap
  });

  it('counts misconceptions, most frequent first', () => {
    const files = [...reports, ...grade([{ path: 'bob2.json', text: generatedClass()[1]!.text }])];
    const counts = misconceptionCounts(files);
    expect(counts).toHaveLength(2);
    expect(counts.every((c) => c.count === 2)).toBe(true);
    expect(counts[0]).toMatchObject({ exercise: 'deeper-network', part: 'gradient_5_layers' });
    expect(counts[1]).toMatchObject({ exercise: 'saturation', part: 'dsigma_at_5' });
  });

  it('adds summary.parts and summary.misconceptions to the JSON report, renaming nothing', () => {
    const json = JSON.parse(formatJson(reports));
    expect(ReportSchema.safeParse(json).success).toBe(true);
    expect(Object.keys(json.summary)).toEqual(['files', 'graded', 'failed', 'belowMark', 'notRead', 'parts', 'misconceptions', 'copies']);
    expect(json.summary).toMatchObject({ files: 9, graded: 8, failed: 1 });
    expect(json.summary.parts).toHaveLength(PARTS);
    expect(json.summary.misconceptions).toHaveLength(2);
    const withRoster = JSON.parse(formatJson(reports, { roster }));
    expect(withRoster.summary.roster.missing).toEqual(['grace@uni.edu', 'heidi@uni.edu']);
  });

  it('spreads the scores into ten bands and full marks', () => {
    const d = scoreDistribution(reports);
    expect(d.graded).toBe(8);
    expect(d.bands.reduce((n, b) => n + b.files, 0)).toBe(8);
    expect(d.bands[10]).toEqual({ from: 100, to: 100, files: 3 }); // ada, zed, nobody
    expect(d.max).toBe(PARTS);
    expect(d.min).toBe(PARTS - 3);
  });
});

describe('the class summary in the text and Markdown reports', () => {
  it('ends the text report when more than one file is graded, and not for one file', () => {
    const text = formatText(reports, { roster });
    expect(text).toContain('== Class summary ==');
    expect(text).toMatch(/deeper-network\.gradient_5_layers\s+4\s+4\s+0\s+0\s+50%/);
    expect(text).toContain('Misconceptions met, most common first');
    expect(text).toContain('7 learners on the roster: 2 without a file, 2 files not on the roster, 1 with several files');
    expect(text).toContain('3 files give the same unusual wrong answers on 3 parts');
    expect(formatText(reports.slice(0, 1))).not.toContain('Class summary');
  });

  it('ends the Markdown report with tables, learner text escaped', () => {
    const odd = grade([{ path: 'x.json', text: JSON.stringify({ learner: '<b>|x|</b>', answers: {} }) }]);
    const md = formatMarkdown([...reports, ...odd], { roster });
    expect(md).toContain('## Class summary');
    expect(md).toContain('| deeper\\-network.gradient\\_5\\_layers | 4 | 4 | 0 | 1 | 44% |'.replace('\\-', '-'));
    expect(md).toContain('&lt;b&gt;\\|x\\|&lt;/b&gt;');
    expect(md).not.toContain('<b>');
  });
});

describe('the roster', () => {
  it('reads a learner column wherever it is, with a BOM, semicolons and quoted fields', () => {
    expect(readRoster('\uFEFFName;Learner\r\n"Lovelace; Ada";ada@uni.edu\r\n')).toEqual({
      ok: true,
      learners: [{ learner: 'ada@uni.edu', key: 'ada@uni.edu', cells: ['Lovelace; Ada', 'ada@uni.edu'] }],
      warnings: [],
      header: ['Name', 'Learner'],
      kind: 'plain',
      column: 'Learner',
    });
    expect(readRoster('name,email\nAda,ada@uni.edu\n')).toEqual({
      ok: false,
      message:
        "the roster has no 'learner' column (nor a Canvas or Moodle id column) (its columns: 'name', 'email'); name the column of learner ids 'learner', or give its name with --roster-column",
    });
    expect(readRoster('name,email\nAda,ada@uni.edu\n', { column: 'EMAIL' })).toMatchObject({
      ok: true,
      learners: [{ learner: 'ada@uni.edu' }],
      column: 'email',
    });
    expect(readRoster('learner\n ada@uni.edu\nADA@uni.edu\n\n,\n')).toMatchObject({
      ok: true,
      warnings: ["roster line 3 repeats 'ADA@uni.edu'; counted once", 'roster line 4 has no learner id; skipped'],
    });
  });

  it('lists learners with no file, files off the roster or naming nobody, and learners with several files, ids compared trimmed and case-folded', () => {
    const check = checkRoster(reports, roster);
    expect(check.missing).toEqual(['grace@uni.edu', 'heidi@uni.edu']);
    expect(check.offRoster).toEqual([{ path: 'zed.json', learner: 'zed@uni.edu' }, { path: 'nobody.json' }]);
    expect(check.several).toEqual([{ learner: 'ada@uni.edu', paths: ['ada.json', 'ada-late.json'] }]);
  });
});

describe('possible copies', () => {
  it('groups the ring that shares three odd wrong answers, and not the learners who share a catalogued slip', () => {
    const files = [...reports, ...grade([{ path: 'bob2.json', text: generatedClass()[1]!.text }])];
    const groups = findCopies(files);
    expect(groups).toEqual([
      {
        kind: 'shared-wrong-answers',
        files: ['carol', 'dan', 'eve'].map((n) => ({ path: `${n}.json`, learner: `${n}@uni.edu` })),
        parts: ['deeper-network.gradient_5_layers', 'saturation.ratio', 'relu-swap.improvement_factor'],
      },
    ]);
    expect(findCopies(files, { minShared: 4 })).toEqual([]);
  });

  it('does not count a wrong answer most of the class shares', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...generatedClass()[2]!, path: `ring-${i}.json` }));
    expect(findCopies(grade(many))).toEqual([]);
  });

  it('with variants on, flags a learner who answers with numbers that are not their own', () => {
    const graded = grade(variantClass(), true);
    expect(graded.every((r) => r.variant === true)).toBe(true);
    const judy = graded.find((r) => r.path === 'judy.json')!;
    expect(judy.score).toBeLessThan(judy.maxScore);
    const groups = findCopies(graded);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.kind).toBe('other-variant');
    expect(groups[0]!.files[0]).toEqual({ path: 'judy.json', learner: 'judy@uni.edu' });
    // Without a roster no other learner is named (copies.test.ts): the count says how many fit.
    expect(groups[0]!.files).toHaveLength(1);
    expect(groups[0]!.fits).toBeGreaterThanOrEqual(1);
    expect(groups[0]!.parts.length).toBeGreaterThanOrEqual(2);
    // With variants off every learner has the post's numbers: nothing to flag.
    expect(findCopies(grade(variantClass(), false)).filter((g) => g.kind === 'other-variant')).toEqual([]);
  });
});

describe('the gradebook CSV', () => {
  it('has the fixed columns, one per exercise and one per part, a row per learner and per missing learner, none without an id', () => {
    const rows = parseCsv(formatCsv(reports, { roster }));
    expect(rows[0]).toEqual(gradebookHeader());
    expect(rows[0]!.slice(0, 7)).toEqual(['learner', 'file', 'status', 'score', 'max_score', 'percent', 'variant']);
    expect(rows[0]).toHaveLength(7 + EXERCISES.length + PARTS + 1);
    expect(rows[0]).toContain('weight-scale.gradient_w_0_5');
    // 7 roster learners (ada's two files one row) and zed, off the roster; nobody.json and broken.yaml name no one: no row.
    expect(rows).toHaveLength(1 + 8);
    expect(rows.slice(1).every((r) => r[0] !== '')).toBe(true);
    const bob = rows.find((r) => r[1] === 'bob.json')!;
    expect(bob.slice(0, 7)).toEqual([
      'bob@uni.edu',
      'bob.json',
      'graded',
      String(PARTS - 2),
      String(PARTS),
      String(Math.round((10000 * (PARTS - 2)) / PARTS) / 100),
      'no',
    ]);
    expect(bob[rows[0]!.indexOf('deeper-network.gradient_5_layers')]).toBe('incorrect');
    expect(bob[rows[0]!.indexOf('deeper-network')]).toBe('2');
    expect(rows.find((r) => r[1] === 'broken.yaml')).toBeUndefined();
    expect(rows.filter((r) => r[2] === 'missing').map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['grace@uni.edu', '', '', String(PARTS)],
      ['heidi@uni.edu', '', '', String(PARTS)],
    ]);
  });

  it('quotes per RFC 4180 and neutralises formulas, keeping numbers numeric', () => {
    expect(toCsv([['a,b', 'say "hi"', 'line\nbreak', 3, -2.5, undefined]])).toBe('"a,b","say ""hi""","line\\u{A}break",3,-2.5,\r\n');
    expect(toCsv([['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok=1']])).toBe(
      `"'=HYPERLINK(""http://x"")","'+1","'-1","'@SUM(A1)","\\u{9}x","\\u{D}x","ok=1"\r\n`,
    );
    const evil = grade([{ path: 'evil.json', text: JSON.stringify({ learner: "=cmd|' /C calc'!A0", answers: {} }) }]);
    const row = parseCsv(formatCsv(evil))[1]!;
    expect(row[0]).toBe("'=cmd|' /C calc'!A0");
    expect(parseCsv(toCsv([['x,y', '"q"']]))).toEqual([['x,y', '"q"']]);
  });
});

describe('feedback files', () => {
  it('writes one Markdown file per file, named by path relative to the graded folder without a roster, unique, without absolute paths', () => {
    const abs = grade([
      { path: '/home/teacher/course/subs/eve.json', text: generatedClass()[4]!.text },
      { path: '/home/teacher/course/subs/odd name.yaml', text: 'a: [' },
    ]);
    expect(feedbackFiles(abs).map((f) => f.name)).toEqual(['eve.json.md', 'odd_name.yaml.md']);
    const files = feedbackFiles(reports);
    expect(files.map((f) => f.name)).toEqual([
      'ada.json.md',
      'bob.json.md',
      'carol.json.md',
      'dan.json.md',
      'eve.json.md',
      'ada-late.json.md',
      'zed.json.md',
      'nobody.json.md',
      'broken.yaml.md',
    ]);
    for (const f of feedbackFiles(abs)) expect(f.text).not.toMatch(/\/home|teacher/);
    // The course's title heads each file; a title with Markdown in it stays literal text.
    expect(files[0]!.text.split('\n')[0]).toBe('# Vanishing Gradients — your feedback');
    expect(feedbackFiles(reports, { title: 'Deep *Nets* 101' })[0]!.text.split('\n')[0]).toBe('# Deep \\*Nets\\* 101 — your feedback');
    const bob = files[1]!.text;
    expect(bob).toContain(`Score: ${PARTS - 2}/${PARTS} (`); // two slips: deeper-network and saturation
    expect(bob).toContain('| gradient\\_5\\_layers | incorrect |');
    expect(files.at(-1)!.text).toContain('could not be graded');
  });

  it('names a file by roster id (case-folded) only when no other file claims it, else by its path, and says which file it is for (decisions: hostile classes)', () => {
    const files = [
      { path: 'subs/hw1-zoe/answers.yaml', learner: 'Zoe@Uni.edu' },
      { path: 'subs/hw1-adam/answers.yaml', learner: 'ＺＯＥ@uni.edu' }, // claims Zoe's id, as an NFKC variant
      { path: 'subs/hw1-max/answers.yaml', learner: 'max@uni.edu' },
      { path: 'subs/hw1-kim/answers.yaml' },
    ].map(({ path, learner }) => ({ ...grade([{ path, text: JSON.stringify({ ...(learner ? { learner } : {}), answers: {} }) }])[0]! }));
    const roster = ['zoe@uni.edu', 'MAX@uni.edu'].map((learner) => ({ learner, key: learner.toLowerCase() }));
    const written = feedbackFiles(files, { roster });
    expect(written.map((f) => f.name)).toEqual([
      'hw1-zoe_answers.yaml.md',
      'hw1-adam_answers.yaml.md',
      'max@uni.edu.md',
      'hw1-kim_answers.yaml.md',
    ]);
    expect(written[1]!.text).toContain('File: hw1-adam/answers.yaml');
    expect(written[3]!.text).toContain('File: hw1-kim/answers.yaml');
  });

  it('keeps names apart as a case-insensitive disk compares them, cutting by code points (decisions: hostile classes)', () => {
    const long = 'a'.repeat(79);
    const ids = [`${long}\u{1D49C}x`, `${long}\u{1D49E}x`, 'σοφία', 'ςοφία', 'Straße', 'STRASSE'];
    const files = ids.map((learner, i) => grade([{ path: `f${i}.json`, text: JSON.stringify({ learner, answers: {} }) }])[0]!);
    const names = feedbackFiles(files, { roster: ids.map((id) => ({ key: id.normalize('NFKC').toUpperCase().toLowerCase() })) }).map(
      (f) => f.name,
    );
    expect(new Set(names.map((n) => n.normalize('NFKC').toUpperCase().toLowerCase())).size).toBe(ids.length);
    for (const n of names) expect(n).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half of a surrogate pair
    expect([...names[0]!.replace(/\.md$/, '')]).toHaveLength(80);
    const byPath = ['σοφία.json', 'ςοφία.json', 'Ada.json', 'ada.json'].map((path) => grade([{ path, text: '{"answers": {}}' }])[0]!);
    const pathNames = feedbackFiles(byPath).map((f) => f.name);
    expect(new Set(pathNames.map((n) => n.normalize('NFKC').toUpperCase().toLowerCase())).size).toBe(4);
  });

  it('makes any id a safe file name', () => {
    expect(safeName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeName('con')).toBe('_con');
    expect(safeName(' a b:c ')).toBe('a_b_c');
    expect(safeName('...')).toBe('answers');
    expect(safeName('x'.repeat(200))).toHaveLength(80);
    // Windows reserves COM¹ to COM³ and LPT¹ to LPT³ too: every digit counts (decisions: hostile classes).
    for (const reserved of ['COM¹', 'lpt³', 'com٣', 'NUL.txt']) expect(safeName(reserved)).toMatch(/^_/);
  });
});
