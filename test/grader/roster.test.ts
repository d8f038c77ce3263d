/** Reading a roster a class could have broken (decisions: hostile classes): an unclosed quote, a header of 200,000 columns. */
import { describe, expect, it } from 'vitest';
import { readRoster } from '../../grader/class/roster.ts';

describe('readRoster on a broken roster', () => {
  it('warns when a quote is never closed, naming its line, instead of silently swallowing the rest into one id', () => {
    const read = readRoster('learner,name\r\nada@uni.edu,Ada\r\nbob@uni.edu,"Bob\r\ncarol@uni.edu,Carol\r\ndan@uni.edu,Dan\r\n');
    expect(read).toMatchObject({ ok: true, learners: [{ learner: 'ada@uni.edu' }, { learner: 'bob@uni.edu' }] });
    expect(read.ok && read.warnings).toEqual([
      'roster line 3 opens a quote (") that is never closed, so everything after it was read as one field; close the quote',
    ]);
    expect(readRoster('learner\nada@uni.edu\n"bob@uni.edu"\n')).toMatchObject({ ok: true, warnings: [] });
  });

  it('names at most a few of the columns when the learner column is missing', () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `column ${i}`).join(',');
    const read = readRoster(`${header}\nx\n`);
    expect(read.ok).toBe(false);
    const message = read.ok ? '' : read.message;
    expect(message).toBe(
      "the roster has no 'learner' column (nor a Canvas or Moodle id column) (its columns: 'column 0', 'column 1', 'column 2', 'column 3', 'column 4', 'column 5', 'column 6', 'column 7', and 199992 more); " +
        "name the column of learner ids 'learner', or give its name with --roster-column",
    );
  });
});
