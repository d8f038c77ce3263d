/**
 * The instructors' answer key (--answer-key): each roster learner's numbers
 * and correct answers. The oracle is the grader itself: a file written from
 * a learner's key, graded with that learner's id and variants on, is correct
 * in every part, and the same file under another learner's id is not.
 */
import { describe, expect, it } from 'vitest';
import { answerKeyCsv, answerKeyText } from '../../grader/class/answer-key.ts';
import { readRoster } from '../../grader/class/roster.ts';
import { parseCsv } from '../../grader/read/rfc4180.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { main } from '../../grader/cli/main.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARTS } from '../support/course.ts';

const { gradeText } = createGrader();

const roster = readRoster('learner\nada@uni.edu\nbob@uni.edu\n');
if (!roster.ok) throw new Error(roster.message);

/** An answers file holding one learner's key. */
function fileFromKey(csv: string, learner: string, as = learner): string {
  const answers: Record<string, Record<string, string>> = {};
  for (const [who, , exercise, , part, answer] of parseCsv(csv).slice(1)) {
    if (who !== learner) continue;
    (answers[exercise!] ??= {})[part!] = answer!;
  }
  return JSON.stringify({ learner: as, answers });
}

describe('the answer key', () => {
  it('gives each learner answers the grader marks correct for that learner, and not for another', () => {
    const csv = answerKeyCsv(roster.learners, true);
    expect(parseCsv(csv)[0]).toEqual(['learner', 'variant', 'exercise', 'numbers', 'part', 'answer']);
    for (const learner of ['ada@uni.edu', 'bob@uni.edu']) {
      expect(gradeText(fileFromKey(csv, learner), { path: 'k.json', variants: true })).toMatchObject({
        score: PARTS,
        maxScore: PARTS,
        variant: true,
      });
    }
    expect(gradeText(fileFromKey(csv, 'ada@uni.edu', 'bob@uni.edu'), { path: 'k.json', variants: true }).score).toBeLessThan(PARTS);
  });

  it('reads as text, a block per learner with their numbers', () => {
    const text = answerKeyText(roster.learners, true);
    expect(text).toContain("Answer key: each learner's own numbers (variants on).");
    expect(text).toMatch(/^ada@uni\.edu\n {2}sigmoid-max/m);
    expect(text).toMatch(/^ {2}deeper-network {2}\(w = [^)]+\)\n {4}factor_per_layer: /m);
  });

  it('is one command of the CLI, needing a roster', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-key-'));
    writeFileSync(join(dir, 'roster.csv'), 'learner\nada@uni.edu\n');
    let out = '';
    let err = '';
    const io = { env: {}, cwd: dir, stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), isTTY: false };
    expect(await main({ ...io, argv: ['--answer-key', '--roster', 'roster.csv', '--format', 'csv', '--variants'] })).toBe(0);
    expect(out).toBe(answerKeyCsv([{ learner: 'ada@uni.edu', key: 'ada@uni.edu' }], true));
    expect(await main({ ...io, argv: ['--answer-key'] })).toBe(2);
    expect(err).toContain('--answer-key needs --roster');
  });
});
