/** The browser class report's folder walk (decisions: hostile classes): a link reaches a browser as its target's bytes, and is reported. */
import { describe, expect, it } from 'vitest';
import { sameFiles } from '../../../src/islands/class-report/collect.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sameFiles', () => {
  it('pairs paths with the same bytes and modification time, and only those', () => {
    const zoe = 'learner: zoe@uni.edu\nanswers: {}\n';
    const same = sameFiles([
      { path: 'hw1-adam/answers.yaml', lastModified: 1_700_000_000_000, bytes: bytes(zoe) }, // a link to Zoe's file
      { path: 'hw1-bea/answers.yaml', lastModified: 1_700_000_500_000, bytes: bytes(zoe) }, // the same text, written at another time
      { path: 'hw1-kim/answers.yaml', lastModified: 1_700_000_000_000, bytes: bytes(zoe.replace('zoe', 'kim')) },
      { path: 'hw1-zoe/answers.yaml', lastModified: 1_700_000_000_000, bytes: bytes(zoe) },
    ]);
    expect(Object.fromEntries(same)).toEqual({
      'hw1-adam/answers.yaml': ['hw1-zoe/answers.yaml'],
      'hw1-zoe/answers.yaml': ['hw1-adam/answers.yaml'],
    });
  });
});
