import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../../grader/constants.ts';
import { SHOWN } from '../../../grader/messages/feedback.ts';
import { feedbackText } from '../../../src/islands/exercise/verdict.ts';
import {
  MAX_STORED_TEXT,
  emptyProgress,
  loadCheckpoints,
  loadLearner,
  loadProgress,
  CHECKPOINTS_RULES,
  COURSE_RULES,
  PROGRESS_RULES,
  parseCheckpoints,
  parseCourse,
  parseProgress,
  progressKey,
  saveCheckpoints,
  saveLearner,
  saveProgress,
  savedScore,
} from '../../../src/islands/exercise/storage.ts';
import { STORAGE_VERSION, type Rule } from '../../../src/islands/exercise/stored-record.ts';

/** An in-memory Storage with the Web Storage interface. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}

describe('exercise progress in localStorage', () => {
  it('round-trips answers, verdicts, hints and the learner under a versioned key', () => {
    const s = new MemoryStorage();
    const p = {
      ...emptyProgress(),
      answers: { max_value: '1/4' },
      verdicts: { max_value: { verdict: 'correct' as const, feedback: 'read as 0.25' } },
      attempted: true,
      hints: 2,
      learner: 'ada',
    };
    expect(saveProgress(s, 'sigmoid-max', p)).toBe(true);
    expect(progressKey('sigmoid-max')).toBe('vg:v1:sigmoid-max');
    expect(loadProgress(s, 'sigmoid-max')).toEqual({ progress: p });
  });

  it('clears corrupted data and says so', () => {
    const s = new MemoryStorage();
    s.setItem('vg:v1:saturation', '{"v":1,"answers":');
    const { progress, notice } = loadProgress(s, 'saturation');
    expect(progress).toEqual(emptyProgress());
    expect(notice).toMatchInlineSnapshot(
      `"Your saved progress for this exercise was damaged and has been cleared. Your answers start afresh."`,
    );
    expect(s.getItem('vg:v1:saturation')).toBeNull();
  });

  it('clears data of another version, under its own key or inside ours', () => {
    const s = new MemoryStorage();
    s.setItem('vg:v0:relu-swap', '{}');
    s.setItem('vg:v1:relu-swap', JSON.stringify({ v: 0, answers: {} }));
    const { notice } = loadProgress(s, 'relu-swap');
    expect(notice).toContain('older version');
    expect(s.length).toBe(0);
  });

  it('keeps unknown keys such as __proto__ as plain data', () => {
    const p = parseProgress(JSON.parse('{"v":1,"answers":{"__proto__":"x"},"verdicts":{},"attempted":false,"hints":0}'));
    expect(Object.getPrototypeOf(p!.answers)).toBe(Object.prototype);
    expect(Object.keys(p!.answers)).toEqual(['__proto__']);
  });

  it('survives a storage that refuses writes', () => {
    const s = new MemoryStorage();
    s.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(saveProgress(s, 'x', emptyProgress())).toBe(false);
  });

  it('scores the saved verdicts over all parts, and nothing before a check', () => {
    const p = {
      ...emptyProgress(),
      attempted: true,
      verdicts: { a: { verdict: 'correct' as const, feedback: '' }, b: { verdict: 'invalid' as const, feedback: '' } },
    };
    expect(savedScore(p, 4)).toEqual({ correct: 1, total: 4 });
    expect(savedScore(emptyProgress(), 4)).toBeUndefined();
  });

  it('keeps what Check saves: a correct expression plus 2,000 spaces is clipped to the limit loading accepts, not wiped', () => {
    const s = new MemoryStorage();
    const long = `1/4 - (s - 1/2)^2${' '.repeat(2000)}`;
    const p = {
      ...emptyProgress(),
      answers: { completed_square: long },
      verdicts: { completed_square: { verdict: 'correct' as const, feedback: `correct (read as ${long})` } },
      attempted: true,
    };
    expect(saveProgress(s, 'sigmoid-max', p)).toBe(true);
    const { progress, notice } = loadProgress(s, 'sigmoid-max');
    expect(notice).toBeUndefined();
    expect(progress.answers.completed_square).toBe(long.slice(0, MAX_STORED_TEXT));
    expect(progress.answers.completed_square!.trim()).toBe('1/4 - (s - 1/2)^2');
    expect(progress.verdicts.completed_square?.verdict).toBe('correct');
  });

  it("drops verdicts for keys that are not the exercise's parts, so edited storage cannot claim 10 of 4", () => {
    const verdicts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, { verdict: 'correct', feedback: '' }]));
    const raw = { v: 1, answers: { p0: 'x', junk: 'y' }, verdicts, attempted: true, hints: 0 };
    const p = parseProgress(raw, ['p0', 'p1', 'p2', 'p3'])!;
    expect(Object.keys(p.verdicts)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(Object.keys(p.answers)).toEqual(['p0']);
    expect(savedScore(p, 4)).toEqual({ correct: 4, total: 4 });
    expect(savedScore(parseProgress(raw)!, 4)).toEqual({ correct: 4, total: 4 });
  });
});

describe('checkpoint results and the learner id in localStorage', () => {
  it('round-trip the checkpoints record and drop results for unknown checkpoints', () => {
    const s = new MemoryStorage();
    const result = {
      answer: '3',
      verdict: 'correct' as const,
      feedback: 'correct (read as 3)',
      checked: true,
      solved: true,
      revealed: false,
    };
    saveCheckpoints(s, { v: 1, results: { 'backward-pass/factor-count': result, 'made/up': result } });
    expect(s.getItem(progressKey('checkpoints'))).toContain('factor-count');
    expect(loadCheckpoints(s, ['backward-pass/factor-count']).progress.results).toEqual({ 'backward-pass/factor-count': result });
  });

  it('clears a damaged checkpoints record with a notice', () => {
    const s = new MemoryStorage();
    s.setItem('vg:v1:checkpoints', '{"v":1,"results":{"a/b":{"answer":3}}}');
    const { progress, notice } = loadCheckpoints(s);
    expect(progress.results).toEqual({});
    expect(notice).toMatchInlineSnapshot(`"Your saved checkpoint answers were damaged and have been cleared."`);
    expect(s.getItem('vg:v1:checkpoints')).toBeNull();
  });

  it('keeps one trimmed learner id for the course, and finds one an older exercise record held', () => {
    const s = new MemoryStorage();
    expect(loadLearner(s, ['sigmoid-max'])).toBeUndefined();
    saveProgress(s, 'weight-scale', { ...emptyProgress(), learner: 'ada@example.edu' });
    expect(loadLearner(s, ['sigmoid-max', 'weight-scale'])).toBe('ada@example.edu');
    saveLearner(s, '  grace@example.edu  ');
    expect(loadLearner(s, ['weight-scale'])).toBe('grace@example.edu');
    saveLearner(s, '   ');
    expect(s.getItem(progressKey('course'))).toBe('{"v":1}');
  });
});

describe('readAs in stored verdicts', () => {
  it('keeps how the grader read an answer', () => {
    const record = {
      v: 1,
      answers: { a: '0.25' },
      verdicts: { a: { verdict: 'correct', feedback: 'correct (read as 0.25)', readAs: '0.25' } },
      attempted: true,
      hints: 0,
    };
    expect(parseProgress(record, ['a'])?.verdicts.a).toEqual({ verdict: 'correct', feedback: 'correct (read as 0.25)', readAs: '0.25' });
    // Saved before readAs was kept: still read, without it.
    const { readAs: _readAs, ...older } = record.verdicts.a;
    expect(parseProgress({ ...record, verdicts: { a: older } }, ['a'])?.verdicts.a).toEqual(older);
  });

  it('shows the page sentence from readAs, never by reading the feedback sentence back', () => {
    expect(feedbackText('correct', 'correct (read as 0.25)', '1/4 = 0.25')).toBe('Read as 1/4 = 0.25.');
    // Without readAs (an older record) the grader's sentence is shown as it is.
    expect(feedbackText('correct', 'correct (read as 0.25)')).toBe('Correct (read as 0.25)');
    expect(feedbackText('missing', 'no answer given')).toBe(SHOWN.missing);
  });
});

/** A record's rules as zod would write them: the oracle for the checks built from the same rules (stored-record.ts). */
function zodOf(rule: Rule): z.ZodMiniType {
  switch (rule.type) {
    case 'text':
      return z.string().check(z.maxLength(MAX_STORED_TEXT));
    case 'boolean':
      return z.boolean();
    case 'verdict':
      return z.enum(VERDICTS);
    case 'count':
      return z.int().check(z.gte(0), z.lte(rule.max));
    case 'version':
      return z.literal(STORAGE_VERSION);
    case 'byKey':
      return z.record(z.string(), zodOf(rule.of));
    case 'fields': {
      const required = Object.entries(rule.required).map(([key, field]) => [key, zodOf(field)]);
      const optional = Object.entries(rule.optional ?? {}).map(([key, field]) => [key, z.optional(zodOf(field))]);
      return z.object(Object.fromEntries([...required, ...optional]));
    }
  }
}

const MAX_HINTS = PROGRESS_RULES.required.hints.max;

/** Generated records, each level sometimes replaced by a wrong value, so that many fit and many are damaged somewhere. */
describe('the load checks accept and keep exactly what the zod schemas of the same rules accept', () => {
  const text = fc.oneof(
    { weight: 10, arbitrary: fc.string({ maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(MAX_STORED_TEXT), 'x'.repeat(MAX_STORED_TEXT + 1)) },
  );
  const wrong = fc.oneof(
    fc.constantFrom(undefined, null, 0, 2, -1, 1.5, MAX_HINTS, MAX_HINTS + 1, 'great', true, [], {}),
    text,
    fc.anything({ maxDepth: 1 }),
  );
  const mostly = <T>(fits: fc.Arbitrary<T>) => fc.oneof({ weight: 10, arbitrary: fits }, { weight: 1, arbitrary: wrong });
  // Not `__proto__`: zod's records skip that key unchecked, where the load checks check it and keep it as plain data (above).
  const key = fc.oneof(
    fc.string({ maxLength: 3 }).filter((k) => k !== '__proto__'),
    fc.constantFrom('constructor', 'toString', 'hasOwnProperty'),
  );
  const byKey = <T>(value: fc.Arbitrary<T>) => mostly(fc.dictionary(key, value, { maxKeys: 3 }));
  const verdict = mostly(fc.constantFrom(...VERDICTS));
  const optional = ['learner', 'readAs', 'verdict', 'feedback'];
  const record = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
    mostly(fc.record(fields, { requiredKeys: Object.keys(fields).filter((k) => !optional.includes(k)) as never }));
  const progress = record({
    v: mostly(fc.constant(STORAGE_VERSION)),
    answers: byKey(mostly(text)),
    verdicts: byKey(record({ verdict, feedback: mostly(text), readAs: mostly(text) })),
    attempted: mostly(fc.boolean()),
    hints: mostly(fc.integer({ min: 0, max: MAX_HINTS })),
    learner: mostly(text),
  });
  const result = record({
    answer: mostly(text),
    verdict,
    feedback: mostly(text),
    readAs: mostly(text),
    checked: mostly(fc.boolean()),
    solved: mostly(fc.boolean()),
    revealed: mostly(fc.boolean()),
  });
  const checkpoints = record({ v: mostly(fc.constant(STORAGE_VERSION)), results: byKey(result) });
  const course = record({ v: mostly(fc.constant(STORAGE_VERSION)), learner: mostly(text) });

  it.each([
    ['an exercise record', progress, (raw: unknown) => parseProgress(raw), PROGRESS_RULES],
    ['the checkpoints record', checkpoints, (raw: unknown) => parseCheckpoints(raw), CHECKPOINTS_RULES],
    ['the course record', course, parseCourse, COURSE_RULES],
  ] as const)('%s', (_, records, check, rule) => {
    const schema = zodOf(rule);
    let fits = 0;
    let runs = 0;
    fc.assert(
      // Both refuse, or both give the same record.
      fc.property(records, (raw) => {
        const parsed = schema.safeParse(raw);
        runs++;
        if (parsed.success) fits++;
        expect(check(raw) !== undefined).toBe(parsed.success);
        if (parsed.success) expect(check(raw)).toEqual(parsed.data);
      }),
      { numRuns: 1000 },
    );
    // The generator is worth its runs only if both kinds are common (about 22%, 36% and 77% of the three records fit).
    expect(fits / runs).toBeGreaterThan(0.1);
    expect(fits / runs).toBeLessThan(0.9);
  });
});
