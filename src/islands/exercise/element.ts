/**
 * <vg-exercise>: the behaviour of an exercise page's form, wired from small
 * parts: the controls (controls.ts), verdicts and score (feedback.ts), hints
 * and the worked solution (hints.ts), the course's learner id (learner.ts),
 * a variant's numbers (variant.ts), saved progress (storage.ts) and answers
 * files (files.ts, which loads the YAML code only when used). It grades with
 * the same grader code as the CLI (grader/grade.ts). Learner text only ever
 * goes into the page through textContent and .value.
 */
import { getExercise } from '../../../exercises/index.ts';
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { gradeAnswers } from '../../../grader/grade.ts';
import { COURSE_ID } from '../../../grader/constants.ts';
import { readControl, readForm, writeControl } from './controls.ts';
import { clearVerdicts, showPartVerdict, showScore } from './feedback.ts';
import { answersFromFile, downloadAnswers, type FormDoc } from './files.ts';
import { savedChallengeAnswers } from '../challenge/answers.ts';
import { hintsAndSolution } from './hints.ts';
import { learnerField, sameLearner } from './learner.ts';
import { emptyProgress, loadProgress, peekAnswers, safeStorage, saveProgress } from './storage.ts';
import { applyVariant } from './variant.ts';
import { findLms } from '../scorm/detect.ts';

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
  const partIds = exercise.parts.map((p) => p.id);
  const variants = root.dataset.variants === 'true';
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
  const notice = $('[data-notice]')!;
  const score = $('[data-score]')!;
  const loadStatus = $('[data-load-status]')!;
  const storage = safeStorage();

  const loaded = storage ? loadProgress(storage, id, partIds) : { progress: emptyProgress() };
  const progress = loaded.progress;
  const showNotice = (text: string) => {
    notice.textContent = text;
    notice.hidden = false;
  };
  if (loaded.notice) showNotice(loaded.notice);
  const save = () => storage && saveProgress(storage, id, progress);

  for (const el of root.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;

  const hints = hintsAndSolution(root, progress, save);
  const forget = () => {
    clearVerdicts(root, form, score);
    progress.verdicts = {};
  };
  const learner = learnerField($<HTMLInputElement>('#vg-learner'), storage, (who) => {
    if (!variants) return;
    // The verdicts were for another learner's numbers.
    forget();
    hints.setHints(applyVariant(exercise, who, variants));
    save();
  });

  /** The answers document the form stands for: what Check grades. */
  const formDoc = (): FormDoc => {
    const answers: Record<string, string> = {};
    for (const part of partIds) {
      const value = readControl(form, part);
      if (value.trim() !== '') answers[part] = value;
    }
    const who = learner.get();
    return { course: COURSE_ID, ...(who ? { learner: who } : {}), answers: { [id]: answers } };
  };
  /** What Download saves: this form's answers plus those saved on the other exercise pages, in the course's order. */
  const downloadDoc = (): FormDoc => {
    const doc = formDoc();
    const answers: FormDoc['answers'] = {};
    for (const other of EXERCISE_IDS) {
      if (other === id) answers[id] = doc.answers[id]!;
      else if (storage) {
        const saved = Object.entries(peekAnswers(storage, other, getExercise(other)?.parts.map((p) => p.id)));
        const kept = Object.fromEntries(saved.filter(([, v]) => v.trim() !== ''));
        if (Object.keys(kept).length > 0) answers[other] = kept;
      }
    }
    // The lab challenges' saved setups follow the exercises (src/islands/challenge/answers.ts).
    return { ...doc, answers: { ...answers, ...savedChallengeAnswers(storage) } };
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
      showPartVerdict(root, form, part.id, part.verdict, part.feedback);
    }
    // An attempt needs at least one answer: a Check on a blank form must not unlock the worked solution.
    if (result.parts.some((p) => p.verdict !== 'missing')) progress.attempted = true;
    progress.answers = readForm(form, partIds);
    const who = learner.get();
    if (who === undefined) delete progress.learner;
    else progress.learner = who;
    save();
    showScore(score, progress, partIds);
    hints.render();
    // For an LMS adapter (src/islands/scorm/adapter.ts): the structured result of this Check.
    const verdicts = Object.fromEntries(result.parts.map((p) => [p.id, p.verdict]));
    const detail = { exercise: id, score: result.score, maxScore: result.maxScore, verdicts };
    root.dispatchEvent(new CustomEvent('vg-check', { bubbles: true, detail }));
  };

  // --- restore ----------------------------------------------------------------
  if (variants && learner.get()) hints.setHints(applyVariant(exercise, learner.get(), variants));
  // Verdicts saved for another learner's numbers no longer apply.
  if (variants && Object.keys(progress.verdicts).length > 0 && !sameLearner(progress.learner, learner.get())) progress.verdicts = {};
  for (const part of partIds) writeControl(form, part, progress.answers[part] ?? '');
  for (const [part, v] of Object.entries(progress.verdicts)) showPartVerdict(root, form, part, v.verdict, v.feedback);
  showScore(score, progress, partIds);
  hints.render();

  // --- events -----------------------------------------------------------------
  let pendingSave: ReturnType<typeof setTimeout> | undefined;
  const saveAnswers = () => {
    clearTimeout(pendingSave);
    pendingSave = undefined;
    progress.answers = readForm(form, partIds);
    save();
  };
  form.addEventListener('input', () => {
    clearTimeout(pendingSave);
    pendingSave = setTimeout(saveAnswers, 250);
  });
  // Typed but not yet saved when the page goes away: save now (and only then).
  window.addEventListener('pagehide', () => pendingSave !== undefined && saveAnswers());
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
    for (const part of partIds) writeControl(form, part, result.answers[part] ?? '');
    // The verdicts on the page judged the answers that were just replaced.
    forget();
    let message = result.message;
    if (result.learner !== undefined && result.learner.trim() !== '') {
      if (learner.get() === undefined) learner.set(result.learner);
      else if (!sameLearner(result.learner, learner.get())) {
        message += ` Note: this file is for learner “${result.learner.trim()}”, but your learner id here is “${learner.get()}”. Your id was not changed; change it above if the file is yours.`;
      }
    }
    progress.answers = readForm(form, partIds);
    save();
    loadStatus.textContent = message;
  });
}

if (!customElements.get('vg-exercise')) customElements.define('vg-exercise', ExerciseElement);
// Inside an LMS (SCORM), report each Check to it; elsewhere nothing more loads.
if (findLms()) void import('../scorm/adapter.ts');
