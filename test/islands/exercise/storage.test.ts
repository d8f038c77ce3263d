import { describe, expect, it } from 'vitest';
import { SHOWN } from '../../../grader/messages/feedback.ts';
import { feedbackText } from '../../../src/islands/exercise/verdict.ts';
import {
  MAX_STORED_TEXT,
  emptyProgress,
  loadCheckpoints,
  loadLearner,
  loadProgress,
  parseProgress,
  progressKey,
  saveCheckpoints,
  saveLearner,
  saveProgress,
  savedScore,
} from '../../../src/islands/exercise/storage.ts';

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

  it('rejects wrong shapes and keeps unknown keys such as __proto__ as plain data', () => {
    expect(parseProgress({ v: 1, answers: { a: 3 }, verdicts: {}, attempted: false, hints: 0 })).toBeUndefined();
    expect(
      parseProgress({ v: 1, answers: {}, verdicts: { a: { verdict: 'great', feedback: '' } }, attempted: false, hints: 0 }),
    ).toBeUndefined();
    expect(parseProgress({ v: 1, answers: {}, verdicts: {}, attempted: false, hints: -1 })).toBeUndefined();
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
  it('keeps how the grader read an answer, and refuses a record whose readAs is not text', () => {
    const record = {
      v: 1,
      answers: { a: '0.25' },
      verdicts: { a: { verdict: 'correct', feedback: 'correct (read as 0.25)', readAs: '0.25' } },
      attempted: true,
      hints: 0,
    };
    expect(parseProgress(record, ['a'])?.verdicts.a).toEqual({ verdict: 'correct', feedback: 'correct (read as 0.25)', readAs: '0.25' });
    expect(parseProgress({ ...record, verdicts: { a: { ...record.verdicts.a, readAs: 3 } } }, ['a'])).toBeUndefined();
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
