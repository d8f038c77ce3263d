/**
 * What course/manifest.ts must agree with on disk: a lesson file for every
 * lesson and a lesson for every file, the same for guides and exercise
 * folders, and reading times that match each lesson's length. Returns the
 * disagreements as sentences, so a test can show them failing on a scratch
 * copy of the tree.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORDS_PER_MINUTE, type ExerciseEntry, type LessonEntry } from '../../course/manifest.ts';

export interface ManifestView {
  lessons: readonly Pick<LessonEntry, 'slug' | 'minutes'>[];
  guides: readonly string[];
  exercises: readonly Pick<ExerciseEntry, 'id'>[];
}

const names = (dir: string, pattern: RegExp): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => pattern.test(f))
        .map((f) => f.replace(pattern, ''))
    : [];

/** The words a reader reads in an MDX lesson: prose without imports, tags or frontmatter. */
export function wordCount(mdx: string): number {
  const body = mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[^>]*>/g, ' ');
  return body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Every way the tree at `root` and the manifest disagree; empty when they agree. */
export function manifestProblems(root: string, manifest: ManifestView): string[] {
  const problems: string[] = [];
  const compare = (kind: string, onDisk: string[], listed: readonly string[], where: string) => {
    for (const name of onDisk) if (!listed.includes(name)) problems.push(`${where}${name} is not in course/manifest.ts's ${kind}`);
    for (const name of listed)
      if (!onDisk.includes(name))
        problems.push(`course/manifest.ts lists ${kind.replace(/s$/, '')} "${name}", but ${where}${name} does not exist`);
  };
  const lessonDir = join(root, 'content/lessons');
  compare(
    'lessons',
    names(lessonDir, /\.mdx?$/),
    manifest.lessons.map((l) => l.slug),
    'content/lessons/',
  );
  compare('guides', names(join(root, 'content/guides'), /\.mdx?$/), manifest.guides, 'content/guides/');
  const exerciseDir = join(root, 'exercises');
  const folders = existsSync(exerciseDir)
    ? readdirSync(exerciseDir, { withFileTypes: true })
        .filter(
          (d) =>
            d.isDirectory() && existsSync(join(exerciseDir, d.name, 'index.ts')) && existsSync(join(exerciseDir, d.name, 'prompt.mdx')),
        )
        .map((d) => d.name)
    : [];
  compare(
    'exercises',
    folders,
    manifest.exercises.map((e) => e.id),
    'exercises/',
  );
  for (const lesson of manifest.lessons) {
    const file = join(lessonDir, `${lesson.slug}.mdx`);
    if (!existsSync(file)) continue;
    const expected = wordCount(readFileSync(file, 'utf8')) / WORDS_PER_MINUTE;
    // A lesson's time is a reader's estimate: within a third (or two minutes) of words / speed.
    if (Math.abs(lesson.minutes - expected) > Math.max(2, expected / 3)) {
      problems.push(
        `lesson "${lesson.slug}" says ${lesson.minutes} minutes, but its ${Math.round(expected * WORDS_PER_MINUTE)} words read in about ${Math.ceil(expected)}`,
      );
    }
  }
  return problems;
}
