/** The learner of a file that cannot be parsed, read from its `learner:` line alone. */
import { describe, expect, it } from 'vitest';
import { recoverLearner } from '../../../grader/read/recover-learner.ts';

describe('recoverLearner', () => {
  it('reads a plain, quoted or commented learner: line, wherever the file breaks', () => {
    expect(recoverLearner('answers:\n\tbad: [\nlearner: ada@uni.edu\n')).toBe('ada@uni.edu');
    expect(recoverLearner('learner: "ada@uni.edu"   # me\nanswers: "oops\n')).toBe('ada@uni.edu');
    expect(recoverLearner("learner: 'Ada Lovelace' \n")).toBe('Ada Lovelace');
    expect(recoverLearner('learner: ada@uni.edu # my id\n')).toBe('ada@uni.edu');
    expect(recoverLearner('{ "course": "x", "learner": "ada@uni.edu", "answers": { ')).toBe('ada@uni.edu');
  });

  it('reads UTF-16 without a byte-order mark', () => {
    const text = 'learner: ada@uni.edu\nanswers: {}\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
    expect(recoverLearner(bytes)).toBe('ada@uni.edu');
  });

  it('names no one when there is no learner: line, an empty or nested one, or two different ones', () => {
    expect(recoverLearner('answers:\n  learner: ada\n')).toBeUndefined();
    expect(recoverLearner('learner:\nanswers: {}\n')).toBeUndefined();
    expect(recoverLearner('learner: [ada]\n')).toBeUndefined();
    expect(recoverLearner('learner: ada\nlearner: bob\n')).toBeUndefined();
    expect(recoverLearner('learner: ada\nlearner: ada\n')).toBe('ada');
    expect(recoverLearner(`learner: ${'x'.repeat(300)}\n`)).toBeUndefined();
  });
});
