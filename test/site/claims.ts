/**
 * Finds comparative claims typed by hand beside computed numbers: a sentence
 * of a lesson's prose that holds a computed number (<Num>) and a comparative
 * word (larger, smaller, worse, better, a tie, "n times …") that is not itself
 * computed. Such a sentence should take its word from the data, through
 * <Compare> or a compare() result in an expression.
 */
import { proseOf } from './prose-numbers.ts';

/** Words that compare two sizes or rank two results. */
export const COMPARATIVE =
  /\b((?:about|roughly|nearly|almost|exactly|much) the same|the same(?= as| number| figure)|larger|smaller|bigger|greater|worse|better|slower|faster|higher|lower|more slowly|more quickly|(?:more|less|fewer) than|times (?:more|less)|ties?|tied)\b/i;

export interface TypedClaim {
  /** 1-based line where the sentence starts. */
  line: number;
  word: string;
  sentence: string;
}

/** Computed numbers become the marker NUM (kept as prose); a <Compare> is computed wording and drops out. */
function markComputed(source: string): string {
  const keepLines = (m: string, marker: string) => marker + m.replace(/[^\n]/g, '').padEnd(0);
  return source.replace(/<Compare\b[\s\S]*?\/>/g, (m) => keepLines(m, ' CMP ')).replace(/<Num\b[\s\S]*?\/>/g, (m) => keepLines(m, ' NUM '));
}

export function typedClaims(source: string): TypedClaim[] {
  const prose = proseOf(markComputed(source));
  const found: TypedClaim[] = [];
  // Sentences end at . ! ? or a blank line; track the line each starts on.
  const re = /[^.!?]+(?:[.!?]+|$)/g;
  for (const m of prose.matchAll(re)) {
    for (const part of m[0].split(/\n[ \t]*\n/)) {
      const sentence = part.replace(/\s+/g, ' ').trim();
      if (!/\bNUM\b/.test(sentence)) continue;
      const word = COMPARATIVE.exec(sentence)?.[1];
      if (!word) continue;
      const offset = m.index! + m[0].indexOf(part) + (part.length - part.trimStart().length);
      found.push({ line: prose.slice(0, offset).split('\n').length, word, sentence });
    }
  }
  return found;
}
