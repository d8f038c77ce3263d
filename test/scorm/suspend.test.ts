import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Scorm2004API } from 'scorm-again';
import { decodeSuspend, encodeSuspend, readRecords, writeRecords, type Records } from '../../src/islands/scorm/suspend.ts';
import { SUSPEND_LIMIT } from '../../src/islands/scorm/lms.ts';

/** localStorage's interface over a Map, for Node. */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  key(i: number) {
    return [...this.#items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.#items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.#items.set(k, String(v));
  }
  removeItem(k: string) {
    this.#items.delete(k);
  }
  clear() {
    this.#items.clear();
  }
}

/** Text that does not deflate (hex of hashes), so a test can fill suspend_data on purpose. */
const noise = (seed: string, length: number) => {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${seed}:${i}`).digest('base64');
  return out.slice(0, length);
};

const exercise = (answer: string, feedback: string) => ({
  v: 1,
  answers: { gradient_relu: answer, improvement_factor: '64' },
  verdicts: { gradient_relu: { verdict: 'incorrect', feedback }, improvement_factor: { verdict: 'correct', feedback } },
  attempted: true,
  hints: 1,
});

describe('suspend_data', () => {
  it('carries every course record but the learner id, and replaces this browser’s records on the way back', async () => {
    const here = new MemoryStorage();
    here.setItem('vg:v1:relu-swap', JSON.stringify(exercise('1e-3', 'Right.')));
    here.setItem('vg:v1:checkpoints', JSON.stringify({ v: 1, results: {} }));
    here.setItem('vg:v1:course', JSON.stringify({ v: 1, learner: 'someone-else' }));
    here.setItem('starlight-theme', 'dark');
    const records = readRecords(here);
    expect(Object.keys(records).sort()).toEqual(['checkpoints', 'relu-swap']);

    const { data, trimmed, dropped } = await encodeSuspend(records, SUSPEND_LIMIT['1.2']);
    expect({ trimmed, dropped }).toEqual({ trimmed: false, dropped: [] });
    expect(data).toMatch(/^vg1z:[A-Za-z0-9+/=]+$/);

    const there = new MemoryStorage();
    there.setItem('vg:v1:saturation', '{"stale": true}');
    there.setItem('vg:v1:course', '{"v":1,"learner":"ada"}');
    writeRecords(there, (await decodeSuspend(data))!);
    expect(there.getItem('vg:v1:saturation')).toBeNull();
    expect(JSON.parse(there.getItem('vg:v1:relu-swap')!)).toEqual(exercise('1e-3', 'Right.'));
    expect(there.getItem('vg:v1:course')).toBe('{"v":1,"learner":"ada"}');
  });

  it('fits SCORM 1.2’s 4,096 characters, at the limit: feedback goes first, then checkpoints, then the largest exercise', async () => {
    const build = (feedback: (text: string) => string): Records => ({
      'relu-swap': exercise('1e-3', feedback(noise('a', 2500))),
      saturation: exercise(noise('b', 1200), feedback('Short.')),
      'weight-scale': exercise('0.064', feedback('Short.')),
      checkpoints: { v: 1, results: { 'sigmoid/peak': { answer: noise('c', 900), checked: true, solved: false, revealed: false } } },
    });
    const records = build((text) => text);
    expect((await encodeSuspend(records, Infinity)).data.length).toBeGreaterThan(4096);

    // Without the feedback the records fit, just: at the limit, nothing else goes.
    const atLimit = (
      await encodeSuspend(
        build(() => ''),
        Infinity,
      )
    ).data.length;
    const fitted = await encodeSuspend(records, atLimit);
    expect(fitted.data.length).toBe(atLimit);
    expect({ trimmed: fitted.trimmed, dropped: fitted.dropped }).toEqual({ trimmed: true, dropped: [] });
    const back = (await decodeSuspend(fitted.data))!;
    expect(back['relu-swap']).toEqual({
      ...exercise('1e-3', ''),
      verdicts: { gradient_relu: { verdict: 'incorrect', feedback: '' }, improvement_factor: { verdict: 'correct', feedback: '' } },
    });

    expect(atLimit).toBeLessThanOrEqual(SUSPEND_LIMIT['1.2']);
    const v12 = await encodeSuspend(records, SUSPEND_LIMIT['1.2']);
    expect({ fits: v12.data.length <= 4096, trimmed: v12.trimmed, dropped: v12.dropped }).toEqual({
      fits: true,
      trimmed: true,
      dropped: [],
    });

    // One character less and the checkpoints go; with less room, the largest exercise as well.
    expect((await encodeSuspend(records, atLimit - 1)).dropped).toEqual(['checkpoints']);
    const small = await encodeSuspend(records, 1000);
    expect(small.data.length).toBeLessThanOrEqual(1000);
    expect(small.dropped).toEqual(['checkpoints', 'saturation']);
    expect(Object.keys((await decodeSuspend(small.data))!).sort()).toEqual(['relu-swap', 'weight-scale']);
  });

  it('uses the limits of the data models: 4,096 in 1.2, 64,000 in 2004, which scorm-again enforces', () => {
    expect(SUSPEND_LIMIT).toEqual({ '1.2': 4096, '2004': 64000 });
    const api = new Scorm2004API({ logLevel: 5 });
    api.Initialize('');
    expect(api.SetValue('cmi.suspend_data', 'x'.repeat(64000))).toBe('true');
    expect(api.SetValue('cmi.suspend_data', 'x'.repeat(64001))).toBe('false');
  });

  it('ignores suspend_data that is not ours or is damaged', async () => {
    expect(await decodeSuspend('')).toBeUndefined();
    expect(await decodeSuspend('viewed=1,2,3|lastviewedslide=31')).toBeUndefined();
    expect(await decodeSuspend('vg1z:not base64 at all!')).toBeUndefined();
    expect(await decodeSuspend('vg1z:AAAA')).toBeUndefined();
  });
});
