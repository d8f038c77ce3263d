import { describe, expect, it } from 'vitest';
import config from '../course.config.ts';
import { defineCourse } from '../course.schema.ts';

describe('course.config.ts', () => {
  it('holds the course settings', () => {
    expect(config).toEqual({ title: 'Vanishing Gradients', variants: false, passingScore: 80 });
  });
});

describe('defineCourse', () => {
  it('fills in defaults', () => {
    expect(defineCourse({ title: 'T' })).toEqual({ title: 'T', variants: false, passingScore: 80 });
  });

  it('throws one friendly error naming every bad field', () => {
    expect(() => defineCourse({ title: '', variants: 'yes' as never, passingScore: 120 })).toThrowErrorMatchingInlineSnapshot(`
      [Error: Invalid course settings in course.config.ts:
      - **title**: must not be empty
      - **variants**: expected boolean, got the text 'yes'
      - **passingScore**: must be at most 100]
    `);
    expect(() => defineCourse({ title: 'T', passingscore: 90 } as never)).toThrowErrorMatchingInlineSnapshot(`
      [Error: Invalid course settings in course.config.ts:
      - **passingscore**: unknown setting (known: title, variants, passingScore)]
    `);
    expect(() => defineCourse({} as never)).toThrowErrorMatchingInlineSnapshot(`
      [Error: Invalid course settings in course.config.ts:
      - **title**: expected string, got nothing]
    `);
  });
});
