/**
 * The course settings' title and passing score reach what the CLI writes: a
 * course.json with other values (--course FILE, as a deployment's build
 * writes it) changes the Markdown report's heading, the answers template's
 * first line and the class summary's count of passing files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsJson, type CourseConfig } from '../../../course.schema.ts';
import { main } from '../../../grader/cli/main.ts';
import { POST_ANSWERS_YAML } from '../fixtures.ts';

/** A class of two graded files, the post's answers (every part correct) and an empty one, and a course.json beside them. */
function classWith(settings: CourseConfig): string {
  const dir = mkdtempSync(join(tmpdir(), 'vg-settings-'));
  writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
  writeFileSync(join(dir, 'empty.yaml'), 'answers: {}\n');
  writeFileSync(join(dir, 'course.json'), settingsJson(settings));
  return dir;
}

async function grade(dir: string, format: string): Promise<string> {
  return run(dir, ['ada.yaml', 'empty.yaml', '--course', 'course.json', '--format', format]);
}

async function run(dir: string, argv: string[]): Promise<string> {
  let stdout = '';
  await main({
    argv,
    env: { COURSE_VARIANTS: '' },
    cwd: dir,
    stdout: (t) => void (stdout += t),
    stderr: () => {},
    isTTY: false,
  });
  return stdout;
}

describe("the course settings' title and passing score in the CLI's reports", () => {
  const dir = classWith({ title: 'Deep Nets <101> & more', variants: false, passingScore: 100 });

  it('head the Markdown report with the title', async () => {
    expect((await grade(dir, 'markdown')).split('\n')[0]).toBe('## Deep Nets &lt;101&gt; &amp; more — grading report');
  });

  it("head the answers template with the title, a learner's template too, and the file still reads as a comment", async () => {
    for (const argv of [['--template'], ['--template', '--learner', 'ada@example.edu']]) {
      const template = await run(dir, [...argv, '--course', 'course.json']);
      expect(template.split('\n')[0]).toBe('# Deep Nets <101> & more: answers file.');
    }
    const plain = await run(dir, ['--template', '--course', 'course.json']);
    expect(plain).not.toContain('Vanishing Gradients');
  });

  it("count the graded files that reach the passing score in the class summary, the score's own boundary included", async () => {
    // The post's answers score 100%, the empty file 0%: at a passing score of 100 one of the two reaches it.
    expect(await grade(dir, 'text')).toContain("1 of 2 graded files reaches the course's passing score of 100%.");
    expect(await grade(dir, 'markdown')).toContain("1 of 2 graded files reaches the course's passing score of 100%.");
    const lenient = classWith({ title: 'T', variants: false, passingScore: 0 });
    expect(await grade(lenient, 'text')).toContain("2 of 2 graded files reach the course's passing score of 0%.");
  });
});
