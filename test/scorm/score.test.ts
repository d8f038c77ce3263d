import { describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { getExercise } from '../../exercises/index.ts';
import { courseScore, passingPercent } from '../../src/islands/scorm/score.ts';
import { sessionTime } from '../../src/islands/scorm/lms.ts';

/** The answer file's parts: 4 + 3 + 5 + 4 + 3 (DESIGN.md). */
const PARTS = { 'sigmoid-max': 4, 'deeper-network': 3, 'weight-scale': 5, saturation: 4, 'relu-swap': 3 };

describe('courseScore', () => {
  it("counts the post's exercises as the answer file does", () => {
    for (const [id, parts] of Object.entries(PARTS)) expect(getExercise(id)?.parts.length, id).toBe(parts);
  });

  it('is correct parts over all 19, as a percent with two decimals and scaled', () => {
    expect(courseScore(PARTS, { 'relu-swap': { correct: 3, total: 3 } }, 80)).toEqual({
      percent: 15.79,
      scaled: 0.1579,
      completed: false,
      success: 'unknown',
    });
    expect(courseScore(PARTS, {}, 80)).toEqual({ percent: 0, scaled: 0, completed: false, success: 'unknown' });
  });

  it('passes at the passing score, and fails only once every exercise is checked', () => {
    const all = (correct: Record<string, number>) =>
      Object.fromEntries(Object.entries(PARTS).map(([id, n]) => [id, { correct: correct[id] ?? n, total: n }]));
    // 16 of 19 is 84.21 %, passing at 80; 15 of 19 is 78.95 %.
    expect(courseScore(PARTS, all({ saturation: 1 }), 80)).toMatchObject({ percent: 84.21, completed: true, success: 'passed' });
    expect(courseScore(PARTS, all({ saturation: 0 }), 80)).toMatchObject({ percent: 78.95, completed: true, success: 'failed' });
    const some = all({});
    delete some['relu-swap'];
    expect(courseScore(PARTS, some, 80)).toMatchObject({ percent: 84.21, completed: false, success: 'passed' });
    expect(courseScore(PARTS, all({}), undefined).success).toBe('unknown');
  });

  it('takes the passing score from the LMS when it gives one', () => {
    expect(passingPercent('1.2', '70', 80)).toBe(70);
    expect(passingPercent('2004', '0.7', 80)).toBe(70);
    expect(passingPercent('2004', '', 80)).toBe(80);
  });
});

describe('sessionTime', () => {
  const ms = (3 * 3600 + 7 * 60 + 5.3) * 1000;
  it('writes 1.2’s CMITimespan and 2004’s ISO 8601 duration', () => {
    expect(sessionTime('1.2', ms)).toBe('0003:07:05.30');
    expect(sessionTime('2004', ms)).toBe('PT3H7M5.3S');
    expect(sessionTime('1.2', 0)).toBe('0000:00:00.00');
  });

  it('is accepted by a real runtime, as is the score', () => {
    const v12 = new Scorm12API({ logLevel: 5 });
    v12.LMSInitialize('');
    expect(v12.LMSSetValue('cmi.core.session_time', sessionTime('1.2', ms))).toBe('true');
    expect(v12.LMSSetValue('cmi.core.score.raw', '15.79')).toBe('true');
    expect(v12.LMSSetValue('cmi.core.session_time', '3:07')).toBe('false');
    const v2004 = new Scorm2004API({ logLevel: 5 });
    v2004.Initialize('');
    expect(v2004.SetValue('cmi.session_time', sessionTime('2004', ms))).toBe('true');
    expect(v2004.SetValue('cmi.score.scaled', '0.1579')).toBe('true');
    expect(v2004.SetValue('cmi.session_time', '3h7m')).toBe('false');
  });
});
