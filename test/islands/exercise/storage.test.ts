import { describe, expect, it } from 'vitest';
import { emptyProgress, loadProgress, parseProgress, progressKey, saveProgress, savedScore } from '../../../src/islands/exercise/storage.ts';

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
    const p = { ...emptyProgress(), answers: { max_value: '1/4' }, verdicts: { max_value: { verdict: 'correct' as const, feedback: 'read as 0.25' } }, attempted: true, hints: 2, learner: 'ada' };
    expect(saveProgress(s, 'sigmoid-max', p)).toBe(true);
    expect(progressKey('sigmoid-max')).toBe('vg:v1:sigmoid-max');
    expect(loadProgress(s, 'sigmoid-max')).toEqual({ progress: p });
  });

  it('clears corrupted data and says so', () => {
    const s = new MemoryStorage();
    s.setItem('vg:v1:saturation', '{"v":1,"answers":');
    const { progress, notice } = loadProgress(s, 'saturation');
    expect(progress).toEqual(emptyProgress());
    expect(notice).toMatchInlineSnapshot(`"Your saved progress for this exercise was damaged and has been cleared. Your answers start afresh."`);
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
    expect(parseProgress({ v: 1, answers: {}, verdicts: { a: { verdict: 'great', feedback: '' } }, attempted: false, hints: 0 })).toBeUndefined();
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
    const p = { ...emptyProgress(), attempted: true, verdicts: { a: { verdict: 'correct' as const, feedback: '' }, b: { verdict: 'invalid' as const, feedback: '' } } };
    expect(savedScore(p, 4)).toEqual({ correct: 1, total: 4 });
    expect(savedScore(emptyProgress(), 4)).toBeUndefined();
  });
});
