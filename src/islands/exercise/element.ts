/**
 * <vg-exercise>: the behaviour of an exercise page's form. It grades with the
 * same grader code as the CLI (grader/grade.ts, no YAML), keeps progress in
 * localStorage, reveals hints one at a time, unlocks the worked solution after
 * the first check, refills the prompt's numbers for a learner's variant, and
 * saves or loads an answers file (the YAML code is loaded only then).
 * Learner text only ever goes into the page through textContent and .value.
 */
import { getExercise, exerciseParams, type ExerciseDefinition } from '../../../exercises/index.ts';
import { gradeAnswers } from '../../../grader/grade.ts';
import { COURSE_ID } from '../../../grader/constants.ts';
import { readable } from '../../../engine/format.ts';
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { emptyProgress, loadProgress, peekAnswers, saveProgress, type Progress, type Verdict } from './storage.ts';
import { answersFromFile, downloadAnswers, type FormDoc } from './files.ts';

const VERDICT_LABEL: Record<Verdict, string> = {
  correct: 'Correct.',
  incorrect: 'Not yet.',
  invalid: 'Cannot read this answer.',
  missing: 'No answer.',
};

/** localStorage, or undefined when the browser refuses it (private mode, disabled storage). */
function safeStorage(): Storage | undefined {
  try {
    const s = window.localStorage;
    s.getItem('vg:probe');
    return s;
  } catch {
    return undefined;
  }
}

class ExerciseElement extends HTMLElement {
  connectedCallback(): void {
    try {
      setUp(this);
    } catch (error) {
      const notice = this.querySelector<HTMLElement>('[data-notice]');
      if (notice) {
        notice.textContent = `The in-page checker could not start (${error instanceof Error ? error.message : 'unknown error'}). You can still grade your answers with the command line, below.`;
        notice.hidden = false;
      }
    }
  }
}

function setUp(root: HTMLElement): void {
  const id = root.dataset.exerciseId ?? '';
  const exercise = getExercise(id);
  const form = root.querySelector<HTMLFormElement>('form[data-exercise]');
  if (!exercise || !form) throw new Error(`unknown exercise "${id}"`);
  const variants = root.dataset.variants === 'true';
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
  const notice = $('[data-notice]')!;
  const score = $('[data-score]')!;
  const loadStatus = $('[data-load-status]')!;
  const learnerInput = $<HTMLInputElement>('#vg-learner');
  const storage = safeStorage();

  const loaded = storage ? loadProgress(storage, id) : { progress: emptyProgress() };
  const progress: Progress = loaded.progress;
  if (loaded.notice) showNotice(loaded.notice);
  const save = () => storage && saveProgress(storage, id, progress);
  function showNotice(text: string) {
    notice.textContent = text;
    notice.hidden = false;
  }

  for (const el of root.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;

  // --- controls ---------------------------------------------------------------
  const controls = (part: string) => form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(part)}"]`);
  const readValue = (part: string): string => {
    for (const c of controls(part)) if (c.type !== 'radio' || c.checked) return c.value;
    return '';
  };
  const writeValue = (part: string, value: string) => {
    for (const c of controls(part)) {
      if (c.type === 'radio') c.checked = c.value === value;
      else c.value = value;
    }
  };
  const formAnswers = (): Record<string, string> => Object.fromEntries(exercise.parts.map((p) => [p.id, readValue(p.id)]));
  const learner = () => (variants ? learnerInput?.value.trim() || undefined : undefined);
  /** The answers document the form stands for: what Check grades and Download saves. */
  const formDoc = (): FormDoc => {
    const answers: Record<string, string> = {};
    for (const [part, value] of Object.entries(formAnswers())) if (value.trim() !== '') answers[part] = value;
    const who = learner();
    return { course: COURSE_ID, ...(who ? { learner: who } : {}), answers: { [id]: answers } };
  };

  /**
   * What Download saves: this form's answers plus those saved on the other exercise pages, in the
   * course's order, so one file carries everything the learner has answered and grades as a whole.
   */
  const downloadDoc = (): FormDoc => {
    const doc = formDoc();
    const answers: FormDoc['answers'] = {};
    for (const other of EXERCISE_IDS) {
      if (other === id) answers[id] = doc.answers[id]!;
      else if (storage) {
        const saved = Object.fromEntries(Object.entries(peekAnswers(storage, other)).filter(([, v]) => v.trim() !== ''));
        if (Object.keys(saved).length > 0) answers[other] = saved;
      }
    }
    return { ...doc, answers };
  };

  // --- verdicts ---------------------------------------------------------------
  const showVerdict = (part: string, verdict: Verdict, feedback: string) => {
    const box = root.querySelector<HTMLElement>(`[data-feedback-for="${CSS.escape(part)}"]`);
    if (!box) return;
    const label = document.createElement('strong');
    label.className = 'vg-verdict-label';
    label.dataset.forVerdict = verdict;
    label.textContent = VERDICT_LABEL[verdict];
    const text = document.createElement('span');
    text.dataset.part = part;
    text.dataset.verdict = verdict;
    text.textContent = feedback;
    box.replaceChildren(label, text);
    const wrong = verdict === 'incorrect' || verdict === 'invalid';
    for (const c of controls(part)) c.setAttribute('aria-invalid', String(wrong));
  };
  const clearVerdicts = () => {
    for (const box of root.querySelectorAll<HTMLElement>('[data-feedback-for]')) box.replaceChildren();
    for (const c of form.querySelectorAll('input')) c.removeAttribute('aria-invalid');
    score.textContent = '';
    progress.verdicts = {};
  };
  const showScore = () => {
    const verdicts = Object.values(progress.verdicts);
    if (verdicts.length === 0) return;
    const correct = verdicts.filter((v) => v.verdict === 'correct').length;
    score.textContent = `${correct} of ${exercise.parts.length} parts correct.`;
  };

  const check = () => {
    const report = gradeAnswers(formDoc(), { path: 'this page', variants });
    const result = report.exercises.find((e) => e.id === id);
    if (report.status !== 'graded' || !result) {
      score.textContent = `The answers could not be graded: ${report.errors.map((e) => e.message).join('; ')}`;
      return;
    }
    progress.verdicts = {};
    for (const part of result.parts) {
      progress.verdicts[part.id] = { verdict: part.verdict, feedback: part.feedback };
      showVerdict(part.id, part.verdict, part.feedback);
    }
    // An attempt needs at least one answer: a Check on a blank form must not unlock the worked solution.
    if (result.parts.some((p) => p.verdict !== 'missing')) progress.attempted = true;
    progress.answers = formAnswers();
    save();
    showScore();
    unlockSolution();
  };

  // --- hints and solution -----------------------------------------------------
  const hintsBox = $<HTMLDetailsElement>('[data-hints-box]');
  const hintItems = [...root.querySelectorAll<HTMLLIElement>('[data-hints] li')];
  const hintButton = $<HTMLButtonElement>('[data-action="hint"]');
  const hintStatus = $('[data-hint-status]');
  const showHints = () => {
    hintItems.forEach((li, i) => (li.hidden = i >= progress.hints));
    if (hintsBox) {
      hintsBox.open = true;
      hintsBox.hidden = progress.hints === 0;
      const summary = hintsBox.querySelector('summary');
      if (summary) summary.hidden = true;
    }
    if (hintButton) {
      hintButton.disabled = progress.hints >= hintItems.length;
      hintButton.textContent = progress.hints >= hintItems.length ? 'No more hints' : 'Show a hint';
    }
  };
  hintButton?.addEventListener('click', () => {
    if (progress.hints >= hintItems.length) return;
    progress.hints += 1;
    showHints();
    save();
    if (hintStatus) hintStatus.textContent = `Hint ${progress.hints} of ${hintItems.length}: ${hintItems[progress.hints - 1]?.textContent ?? ''}`;
  });

  const solution = $<HTMLDetailsElement>('[data-solution]');
  const locked = $('[data-solution-locked]');
  const unlockSolution = () => {
    if (solution) solution.hidden = !progress.attempted;
    if (locked) locked.hidden = progress.attempted;
  };

  // --- variants ---------------------------------------------------------------
  const applyVariant = (ex: ExerciseDefinition) => {
    const params = exerciseParams(ex, learner(), variants);
    const display = ex.display(params);
    const answers = ex.answers(params);
    for (const el of document.querySelectorAll<HTMLElement>('[data-param]')) {
      const v = display[el.dataset.param ?? ''];
      if (v !== undefined) el.textContent = v;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-answer]')) {
      const v = answers[el.dataset.answer ?? ''];
      if (v !== undefined) el.textContent = readable(v);
    }
    ex.hints(params).forEach((h, i) => {
      if (hintItems[i]) hintItems[i].textContent = h;
    });
  };
  if (variants && learnerInput) {
    learnerInput.value = progress.learner ?? '';
    if (progress.learner) applyVariant(exercise);
    learnerInput.addEventListener('change', () => {
      const who = learner();
      if (who === progress.learner) return;
      if (who === undefined) delete progress.learner;
      else progress.learner = who;
      // Verdicts were for the other numbers.
      clearVerdicts();
      applyVariant(exercise);
      save();
    });
  }

  // --- restore ----------------------------------------------------------------
  for (const part of exercise.parts) writeValue(part.id, progress.answers[part.id] ?? '');
  for (const [part, v] of Object.entries(progress.verdicts)) showVerdict(part, v.verdict, v.feedback);
  showScore();
  showHints();
  unlockSolution();

  // --- events -----------------------------------------------------------------
  let pendingSave: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', () => {
    clearTimeout(pendingSave);
    pendingSave = setTimeout(() => {
      progress.answers = formAnswers();
      save();
    }, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  $('[data-action="download"]')?.addEventListener('click', () => {
    loadStatus.textContent = '';
    downloadAnswers(downloadDoc(), 'answers.yaml').catch((error: unknown) => {
      loadStatus.textContent = `The answers file could not be made: ${error instanceof Error ? error.message : 'unknown error'}.`;
    });
  });
  const fileInput = $<HTMLInputElement>('[data-action="load"]');
  fileInput?.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    loadStatus.textContent = `Reading ${file.name}…`;
    const result = await answersFromFile(file, exercise, variants);
    fileInput.value = '';
    if (!result.ok) {
      loadStatus.textContent = result.message;
      return;
    }
    for (const part of exercise.parts) writeValue(part.id, result.answers[part.id] ?? '');
    if (variants && learnerInput && result.learner !== undefined && result.learner !== learnerInput.value) {
      learnerInput.value = result.learner;
      learnerInput.dispatchEvent(new Event('change'));
    }
    progress.answers = formAnswers();
    save();
    loadStatus.textContent = result.message;
  });
}

if (!customElements.get('vg-exercise')) customElements.define('vg-exercise', ExerciseElement);
