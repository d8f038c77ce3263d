import { describe, expect, it } from 'vitest';
import { dropHashSegment, readHashState, readHashValue, writeHashState } from '../../src/islands/hash-state.ts';
import { DEFAULT_FLOW, flowFromHash, flowToHash, normaliseFlow } from '../../src/islands/flow-state.ts';

describe('island state in the URL hash', () => {
  it('writes one segment per island and keeps the others', () => {
    const h1 = writeHashState('#the-plan', 'flow-a', { d: 8, a: 'relu', r: true });
    expect(h1).toBe('#the-plan&flow-a=d:8,a:relu,r:1');
    const h2 = writeHashState(h1, 'flow-b', { d: 3 });
    expect(h2).toBe('#the-plan&flow-a=d:8,a:relu,r:1&flow-b=d:3');
    expect(writeHashState(h2, 'flow-a', { d: 9 })).toBe('#the-plan&flow-b=d:3&flow-a=d:9');
    expect(readHashState(h2, 'flow-a')).toEqual({ d: '8', a: 'relu', r: '1' });
    expect(readHashState(h2, 'flow-c')).toBeUndefined();
  });

  it('reads a plain `key=value` segment such as a preset link, and drops one', () => {
    expect(readHashValue('#intro&lab:preset=batchnorm-rescue', 'lab:preset')).toBe('batchnorm-rescue');
    expect(readHashValue('#lab%3Apreset=xavier-vs-constant', 'lab:preset')).toBe('xavier-vs-constant');
    expect(readHashValue('#lab=d:3', 'lab:preset')).toBeUndefined();
    expect(dropHashSegment('#intro&lab:preset=x&lab=d:3', 'lab:preset')).toBe('#intro&lab=d:3');
    expect(dropHashSegment('#lab:preset=x', 'lab:preset')).toBe('');
  });

  it('round-trips the gradient-flow settings', () => {
    const s = {
      ...DEFAULT_FLOW,
      depth: 12,
      w: 8,
      activation: 'tanh' as const,
      init: 'he' as const,
      width: 8,
      batchNorm: true,
      bias: -4,
      x: 0.5,
    };
    const hash = writeHashState('', 'f', flowToHash(s));
    expect(flowFromHash(readHashState(hash, 'f')!, DEFAULT_FLOW)).toEqual(s);
  });

  it('turns garbage into the defaults, field by field', () => {
    const h = readHashState('#f=d:banana,w:NaN,a:%3Cscript%3E,i:he,n:1e9,b:maybe&%E0%A4%A', 'f')!;
    expect(flowFromHash(h, DEFAULT_FLOW)).toEqual({ ...DEFAULT_FLOW, init: 'he' });
    expect(readHashState('#%E0%A4%A=d:3', 'f')).toBeUndefined();
    expect(normaliseFlow({ depth: 0, w: 99, width: 2.6, bias: 'x' })).toEqual({ ...DEFAULT_FLOW, width: 3 });
    expect(normaliseFlow({ depth: 49.6 }).depth).toBe(50);
    expect(normaliseFlow({ depth: 50.4 }).depth).toBe(DEFAULT_FLOW.depth);
  });
});
