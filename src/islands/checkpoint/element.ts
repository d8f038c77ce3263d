/**
 * <vg-checkpoint>: one question in a lesson. On start it restores what this
 * browser saved; the answer and its explanation come from an attribute and
 * enter the page only when the learner asks, after a first Check.
 * Check grades with the grader's own gradePart, so the tolerance and the
 * feedback are the exercises'. The result joins the learner's progress; every
 * checkpoint on the page shows how many of the lesson's are done.
 */
import type { PartOutcome, PartQuestion } from '../../../grader/grade/part.ts';
import { isRecord } from '../../../grader/read/plain-data.ts';
import type { AnswerValue, Misconception, Part } from '../../../exercises/types.ts';
import { loadCheckpoints, safeStorage, saveCheckpoints, type CheckpointProgress, type CheckpointResult } from '../exercise/storage.ts';
import { choiceLabel, renderVerdict } from '../exercise/verdict.ts';
import { findLms } from '../scorm/detect.ts';

interface Grading {
  part: Part;
  reference: AnswerValue;
  misconceptions: Misconception[];
}

/**
 * The grader's part grading (about 9 KB gzipped with the number reader and
 * the expression checker), loaded when a learner starts on a checkpoint,
 * not with the page: most readers of a lesson never check an answer.
 */
type PartGrader = (question: PartQuestion) => PartOutcome;
let grader: Promise<PartGrader> | undefined;
/** Whether the grader's module has arrived, so a Check can grade without saying it is loading. */
let graderLoaded = false;
/**
 * The grader's part grading, with a grader context of its own for each Check (one answer: nothing to keep);
 * a failed load is forgotten at once, so whichever caller comes next (focus or Check) fetches again.
 */
const loadGrader = () =>
  (grader ??= Promise.all([import('../../../grader/grade/part.ts'), import('../../../grader/grade/context.ts')]).then(
    ([part, context]): PartGrader => {
      graderLoaded = true;
      return (question) => part.gradePart(question, context.createGraderContext());
    },
    (error: unknown) => {
      grader = undefined;
      throw error;
    },
  ));

/**
 * The grader's part grading for a Check. While it loads, the verdict box says so: each Check then shows its own
 * outcome, and a second failed load is news rather than the first one's message left standing. When it cannot be
 * loaded the box says that, and the answer is undefined; loadGrader has forgotten the failed load, so the next
 * Check fetches again.
 */
async function graderForCheck(verdictBox: HTMLElement) {
  if (!graderLoaded) {
    verdictBox.dataset.verdict = '';
    verdictBox.textContent = 'Loading the checker…';
  }
  try {
    return await loadGrader();
  } catch {
    verdictBox.dataset.verdict = 'invalid';
    verdictBox.textContent = 'The checker could not be loaded (are you offline?). Try Check again once you are back online.';
    return undefined;
  }
}

/** The event every checkpoint listens to, to refresh its "done" count after another one changed. */
const CHANGED = 'vg-checkpoint-change';

/** One shared copy of the record per page, so two checkpoints never overwrite each other's results. */
let shared: { storage?: Storage; progress: CheckpointProgress } | undefined;
function progressRecord(): { storage?: Storage; progress: CheckpointProgress } {
  if (shared) return shared;
  const storage = safeStorage();
  const progress = storage ? loadCheckpoints(storage).progress : { v: 1 as const, results: {} };
  shared = storage ? { storage, progress } : { progress };
  return shared;
}

function readGrading(text: string | undefined): Grading {
  const data: unknown = JSON.parse(text ?? '');
  if (!isRecord(data)) throw new Error('no grading data');
  const { part, answer, misconceptions }: { part?: unknown; answer?: unknown; misconceptions?: unknown } = data;
  if (!isRecord(part) || !Array.isArray(misconceptions)) throw new Error('no grading data');
  if (typeof answer !== 'number' && typeof answer !== 'string') throw new Error('no reference answer');
  // Written at build time by Checkpoint.astro from the checkpoint definition, so its shape is the definition's.
  return { part: data.part as Part, reference: answer, misconceptions: misconceptions as Misconception[] };
}

/** The answer and its explanation, from the attribute the page was built with. */
function readReveal(text: string | undefined): { answer: string; explanation: string } {
  const data: unknown = JSON.parse(text ?? '');
  if (!isRecord(data) || typeof data.answer !== 'string' || typeof data.explanation !== 'string') throw new Error('no answer to reveal');
  return { answer: data.answer, explanation: data.explanation };
}

class CheckpointElement extends HTMLElement {
  connectedCallback(): void {
    try {
      setUp(this);
    } catch {
      // The buttons stay inert; the lesson around the question still reads.
    }
  }
}

function setUp(root: HTMLElement): void {
  const id = root.dataset.checkpointId ?? '';
  const grading = readGrading(root.dataset.grading);
  const form = root.querySelector<HTMLFormElement>('form[data-checkpoint]');
  const verdictBox = root.querySelector<HTMLElement>('[data-verdict]');
  const revealBox = root.querySelector<HTMLElement>('[data-cp-reveal]');
  const revealButton = root.querySelector<HTMLButtonElement>('[data-action="reveal"]');
  if (!form || !verdictBox || !revealBox || !revealButton) return;
  const lessonIds = (root.dataset.lessonCheckpoints ?? '').split(' ').filter(Boolean);

  const answer = readReveal(root.dataset.reveal);

  const record = progressRecord();
  const result = (): CheckpointResult => record.progress.results[id] ?? { answer: '', checked: false, solved: false, revealed: false };
  const save = (next: CheckpointResult) => {
    record.progress.results[id] = next;
    if (record.storage) saveCheckpoints(record.storage, record.progress);
    document.dispatchEvent(new CustomEvent(CHANGED));
  };

  const controls = () => form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(grading.part.id)}"]`);
  const readValue = () => [...controls()].find((c) => c.type !== 'radio' || c.checked)?.value ?? '';
  const writeValue = (value: string) => {
    for (const c of controls()) {
      if (c.type === 'radio') c.checked = c.value === value;
      else c.value = value;
    }
  };

  const showVerdict = (r: CheckpointResult) => {
    if (!r.verdict || r.feedback === undefined) return verdictBox.replaceChildren();
    verdictBox.dataset.verdict = r.verdict;
    const choice = choiceLabel(controls(), r.readAs);
    renderVerdict(verdictBox, { verdict: r.verdict, feedback: r.feedback, readAs: r.readAs, choice }, 'vg-cp__verdict-label');
    const wrong = r.verdict === 'incorrect' || r.verdict === 'invalid';
    for (const c of controls()) c.setAttribute('aria-invalid', String(wrong));
  };
  const showReveal = (r: CheckpointResult) => {
    revealButton.disabled = !r.checked || r.revealed;
    if (!r.revealed || revealBox.childElementCount > 0) return;
    const lead = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = answer.answer;
    lead.append(strong);
    const why = document.createElement('p');
    why.textContent = answer.explanation;
    revealBox.replaceChildren(lead, why);
  };
  const showDone = () => {
    const done = lessonIds.filter((cp) => record.progress.results[cp]?.solved).length;
    const el = root.querySelector('[data-cp-done]');
    if (el) el.textContent = `· ${done} of ${lessonIds.length} done`;
  };

  // Focus or a keypress in the form starts loading the grader, so it is there by the time Check is pressed.
  form.addEventListener('focusin', () => void loadGrader().catch(() => undefined), { once: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = readValue();
    const gradePart = await graderForCheck(verdictBox);
    if (!gradePart) return;
    const { report } = gradePart({ ...grading, value, place: { path: id } });
    const before = result();
    const { readAs: _previous, ...kept } = before;
    const next: CheckpointResult = {
      ...kept,
      answer: value,
      verdict: report.verdict,
      feedback: report.feedback,
      ...(report.readAs !== undefined ? { readAs: report.readAs } : {}),
      // A blank Check is not an attempt: it must not unlock the answer.
      checked: before.checked || report.verdict !== 'missing',
      solved: before.solved || report.verdict === 'correct',
    };
    save(next);
    showVerdict(next);
    showReveal(next);
  });
  revealButton.addEventListener('click', () => {
    const next = { ...result(), revealed: true };
    save(next);
    showReveal(next);
    revealBox.setAttribute('tabindex', '-1');
    revealBox.focus();
  });
  let pending: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(() => save({ ...result(), answer: readValue() }), 250);
  });
  document.addEventListener(CHANGED, showDone);

  const saved = result();
  writeValue(saved.answer);
  showVerdict(saved);
  showReveal(saved);
  showDone();
}

if (!customElements.get('vg-checkpoint')) customElements.define('vg-checkpoint', CheckpointElement);
// Inside an LMS (SCORM), the adapter locks the learner id to the LMS's; elsewhere nothing more loads.
if (findLms()) void import('../scorm/adapter.ts');
