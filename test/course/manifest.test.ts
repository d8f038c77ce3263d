/**
 * course/manifest.ts against the tree: every lesson file, guide and exercise
 * folder is listed and everything listed exists (and the check fails on a
 * scratch copy with an unlisted lesson and exercise); the exercise registry
 * follows the manifest's order; reading times match the lessons' length.
 */
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXERCISES, exerciseCount, GUIDES, LESSONS, findLesson, lesson, lessonName, readingMinutes } from '../../course/manifest.ts';
import { EXERCISES as DEFINED } from '../../exercises/index.ts';
import { manifestProblems, wordCount } from './manifest-check.ts';

const ROOT = join(import.meta.dirname, '../..');
const manifest = { lessons: LESSONS, guides: GUIDES, exercises: EXERCISES };

describe('course/manifest.ts', () => {
  it('agrees with the lesson files, guides and exercise folders on disk', () => {
    expect(manifestProblems(ROOT, manifest)).toEqual([]);
  });

  it('lists the exercises in the order the grader defines them', () => {
    expect(EXERCISES.map((e) => e.id)).toEqual(DEFINED.map((e) => e.id));
  });

  it('has unique slugs, ids and summaries, and every "prepared by" names a lesson', () => {
    const slugs = LESSONS.map((l) => l.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const summaries = EXERCISES.map((e) => e.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
    for (const e of EXERCISES) for (const slug of e.preparedBy) expect(findLesson(slug), `${e.id} → ${slug}`).toBeDefined();
  });

  it('numbers lessons by position and refuses an unknown slug by name', () => {
    expect(lesson('basics').number).toBe(0);
    expect(lesson(LESSONS[LESSONS.length - 1]!.slug).number).toBe(LESSONS.length - 1);
    expect(() => lesson('fixs')).toThrow(/No lesson "fixs" in course\/manifest\.ts/);
  });

  it('names a lesson in full as prose does, from its position and title', () => {
    const index = LESSONS.findIndex((l) => l.slug === 'fixes');
    expect(lessonName('fixes')).toBe(`lesson ${index}, ${LESSONS[index]!.title.toLowerCase()}`);
    expect(lessonName('fixes', { capital: true })).toMatch(/^Lesson \d+, the four fixes$/);
  });

  it('adds up the core path and the full course from the lessons', () => {
    const { core, all } = readingMinutes();
    let sumCore = 0;
    let sumAll = 0;
    for (const l of LESSONS) {
      sumAll += l.minutes;
      if (l.core) sumCore += l.minutes;
    }
    expect({ core, all }).toEqual({ core: sumCore, all: sumAll });
    // The home page promises a core path of about an hour.
    expect(core).toBeGreaterThanOrEqual(45);
    expect(core).toBeLessThanOrEqual(80);
  });
});

describe('the manifest check', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'vg-manifest-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('fails when a lesson file or an exercise folder is added without a manifest entry, or an entry loses its file', () => {
    for (const dir of ['content/lessons', 'content/guides']) cpSync(join(ROOT, dir), join(scratch, dir), { recursive: true });
    cpSync(join(ROOT, 'exercises'), join(scratch, 'exercises'), { recursive: true });
    writeFileSync(join(scratch, 'content/lessons/attention.mdx'), '---\ndescription: x\n---\n\nA new lesson.\n');
    mkdirSync(join(scratch, 'exercises/lstm-gates'));
    writeFileSync(join(scratch, 'exercises/lstm-gates/index.ts'), 'export default {};\n');
    writeFileSync(join(scratch, 'exercises/lstm-gates/prompt.mdx'), 'A new exercise.\n');
    rmSync(join(scratch, 'content/guides/class-report.mdx'));
    expect(manifestProblems(scratch, manifest)).toEqual([
      `content/lessons/attention is not in course/manifest.ts's lessons`,
      `course/manifest.ts lists guide "class-report", but content/guides/class-report does not exist`,
      `exercises/lstm-gates is not in course/manifest.ts's exercises`,
    ]);
  });

  it('fails when a lesson grows far past its reading time', () => {
    const long = `---\ndescription: x\n---\n\n${'word '.repeat(130 * 30)}\n`;
    writeFileSync(join(scratch, 'content/lessons/basics.mdx'), long);
    expect(wordCount(long)).toBe(130 * 30);
    expect(manifestProblems(scratch, manifest)).toContain(`lesson "basics" says 9 minutes, but its 3900 words read in about 30`);
  });
});

/** "path:line: text" for every line of the files under `dirs` (names matching `files`) that matches `line`; `body` drops what is not prose first. */
function linesMatching(options: { dirs: readonly string[]; files: RegExp; line: RegExp; body?: (text: string) => string }): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (options.files.test(entry.name)) {
        const text = readFileSync(join(ROOT, path), 'utf8');
        (options.body?.(text) ?? text).split('\n').forEach((line, i) => {
          if (options.line.test(line)) found.push(`${path}:${i + 1}: ${line.trim()}`);
        });
      }
    }
  };
  for (const dir of options.dirs) walk(dir);
  return found;
}

describe('the number of exercises in prose', () => {
  it('is never typed by hand: "five exercises" comes from exerciseCount(), so a sixth exercise keeps the pages true', () => {
    const typed = linesMatching({
      dirs: ['content', 'exercises', 'src'],
      files: /\.(?:mdx?|astro)$/,
      line: /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:autograded )?exercises\b/i,
    });
    expect(typed).toEqual([]);
  });

  it('reads as a word', () => {
    expect(exerciseCount()).toBe(['one', 'two', 'three', 'four', 'five', 'six', 'seven'][EXERCISES.length - 1]);
    expect(exerciseCount({ capital: true })).toMatch(/^[A-Z][a-z]+$/);
  });
});

describe('lesson numbers in prose', () => {
  it('are never typed by hand: every "lesson N" in the content comes from <LessonRef>', () => {
    const typed = linesMatching({
      dirs: ['content', 'exercises'],
      files: /\.mdx?$/,
      line: /\b[Ll]esson \d+\b/,
      // The frontmatter (a title may say "lesson") blanked line for line, so the lines reported are the file's.
      body: (text) => text.replace(/^---\n[\s\S]*?\n---\n/, (front) => '\n'.repeat(front.split('\n').length - 1)),
    });
    expect(typed).toEqual([]);
  });
});
