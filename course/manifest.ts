/**
 * The course manifest: the one list of lessons, guides and exercises. The
 * sidebar, the home page's cards, every page's previous/next links,
 * `<LessonRef>` ("lesson N" with its link), the exercise lists and the tests
 * all read it, so inserting a lesson renumbers every page at the next build.
 *
 * It is plain data and imports nothing: the engine, the exercises, the grader,
 * the site and the tools may all read it.
 */

/** Reading speed for technical prose with formulas, in words per minute (lesson `minutes` are words / this, rounded up). */
export const WORDS_PER_MINUTE = 130;

/** One lesson: content/lessons/<slug>.mdx, served at /lessons/<slug>/. */
export interface LessonEntry {
  readonly slug: string;
  /** The page title (the sidebar shows "<number>. <label>"). */
  readonly title: string;
  /** The short name in the sidebar. */
  readonly label: string;
  /** One line for the home page's card. */
  readonly summary: string;
  /** Reading time in minutes, the widgets and checkpoints aside (a test holds it to the file's word count). */
  readonly minutes: number;
  /** On the core path (about an hour); `false` marks a primer or a deeper lesson a reader in a hurry may skip. */
  readonly core: boolean;
}

/** The lessons in reading order; a lesson's number is its index. */
export const LESSONS = [
  {
    slug: 'basics',
    title: 'The pieces',
    label: 'The pieces',
    summary:
      'Neuron, loss, gradient descent, the chain rule and backpropagation, with one worked example. A primer: skip it if you know backpropagation.',
    minutes: 9,
    core: false,
  },
  {
    slug: 'symptom',
    title: 'The symptom and the anchor network',
    label: 'The symptom',
    summary: 'A loss that barely moves, and the tiny network we measure it on.',
    minutes: 7,
    core: true,
  },
  {
    slug: 'sigmoid',
    title: 'The sigmoid and its derivative',
    label: 'Sigmoid and σ′',
    summary: 'Why the slope is at most a quarter, and the saturation zones.',
    minutes: 6,
    core: true,
  },
  {
    slug: 'forward-pass',
    title: 'The forward pass',
    label: 'The forward pass',
    summary: "The anchor network's values, layer by layer.",
    minutes: 4,
    core: true,
  },
  {
    slug: 'backward-pass',
    title: 'The backward pass',
    label: 'The backward pass',
    summary: 'Where the gradient disappears, in one notation.',
    minutes: 12,
    core: true,
  },
  {
    slug: 'measuring',
    title: 'Measuring the decay',
    label: 'Measuring the decay',
    summary: "The post's program corrected, and the trace for any depth and weight.",
    minutes: 6,
    core: false,
  },
  {
    slug: 'training',
    title: 'What it looks like in training',
    label: 'In training',
    summary: 'Loss curves and per-layer gradients of a sigmoid and a ReLU network.',
    minutes: 8,
    core: true,
  },
  {
    slug: 'fixes',
    title: 'The four fixes',
    label: 'The four fixes',
    summary: 'ReLU, Xavier and He initialisation, batch norm, residual connections.',
    minutes: 15,
    core: true,
  },
  {
    slug: 'limits',
    title: 'Honest limits',
    label: 'Honest limits',
    summary: 'Shallow networks, exploding gradients, dead ReLUs, LSTMs.',
    minutes: 10,
    core: false,
  },
  {
    slug: 'test-yourself',
    title: 'Your turn: the five questions',
    label: 'Your turn',
    summary: "The post's questions as autograded exercises.",
    minutes: 3,
    core: true,
  },
] as const satisfies readonly LessonEntry[];

export type LessonSlug = (typeof LESSONS)[number]['slug'];

/** The guides, each content/guides/<slug>.mdx, in sidebar order (the learners' guide first: it explains the answer formats). */
export const GUIDES = ['for-learners', 'for-instructors', 'class-report', 'scorm'] as const;

/** One exercise: exercises/<id>/, served at /exercises/<id>/. */
export interface ExerciseEntry {
  readonly id: string;
  /** What it asks, in one line that tells it apart from the others. */
  readonly summary: string;
  /** The lessons that teach what it asks. */
  readonly preparedBy: readonly LessonSlug[];
}

/** The exercises in the post's order (the answers file's order). */
export const EXERCISES = [
  {
    id: 'sigmoid-max',
    summary: 'Show by completing the square, without calculus, that the sigmoid’s slope is at most one quarter, and find where.',
    preparedBy: ['sigmoid'],
  },
  {
    id: 'deeper-network',
    summary: 'Add layers at the input end of the anchor network and follow the decay down to the new first layer.',
    preparedBy: ['backward-pass'],
  },
  {
    id: 'weight-scale',
    summary: 'Change every weight of the anchor network: does the decay get better or worse, and when does it turn into growth?',
    preparedBy: ['backward-pass', 'limits'],
  },
  {
    id: 'saturation',
    summary:
      'Compare the sigmoid’s slope deep in its tail with its slope near zero, and see why a large weight cannot make up for saturation.',
    preparedBy: ['sigmoid', 'fixes'],
  },
  {
    id: 'relu-swap',
    summary: 'Swap the hidden sigmoids for ReLUs, measure the gain, and decide whether the vanishing gradient is gone.',
    preparedBy: ['fixes'],
  },
] as const satisfies readonly ExerciseEntry[];

/** The lesson with this slug and its number, or undefined. */
export function findLesson(slug: string): (LessonEntry & { number: number }) | undefined {
  const number = LESSONS.findIndex((lesson) => lesson.slug === slug);
  return number < 0 ? undefined : { ...LESSONS[number]!, number };
}

/** The lesson with this slug and its number; throws on an unknown slug, so a typo fails the build. */
export function lesson(slug: string): LessonEntry & { number: number } {
  const found = findLesson(slug);
  if (!found) throw new Error(`No lesson "${slug}" in course/manifest.ts; the lessons are ${LESSONS.map((l) => l.slug).join(', ')}.`);
  return found;
}

/** A title as it reads inside a sentence: "The four fixes" → "the four fixes". */
export const titleInSentence = (title: string): string => title.charAt(0).toLowerCase() + title.slice(1);

/** "lesson 7, the four fixes" (or "Lesson 7, …" with `capital`): how the prose names a lesson in full. */
export function lessonName(slug: string, { capital = false }: { capital?: boolean } = {}): string {
  const { number, title } = lesson(slug);
  return `${capital ? 'Lesson' : 'lesson'} ${number}, ${titleInSentence(title)}`;
}

/** The minutes of the core path and of the whole course. */
export function readingMinutes(): { core: number; all: number } {
  const all = LESSONS.reduce((sum, l) => sum + l.minutes, 0);
  const core = LESSONS.filter((l) => l.core).reduce((sum, l) => sum + l.minutes, 0);
  return { core, all };
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** How many exercises the course has, as prose writes it: "five"; `{ capital: true }` for a sentence's start. */
export function exerciseCount({ capital = false }: { capital?: boolean } = {}): string {
  const word = SMALL_NUMBERS[EXERCISES.length] ?? String(EXERCISES.length);
  return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
