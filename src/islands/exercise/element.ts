/**
 * <vg-exercise>: the behaviour of an exercise page's form, wired from small
 * parts, one job each: the page's state (page.ts), the controls
 * (controls.ts), Check (check.ts), verdicts and score (feedback.ts), hints
 * and the worked solution (hints.ts), the course's learner id (learner.ts),
 * a variant's numbers (variant.ts), saved progress (storage.ts), the answers
 * documents (answers-doc.ts) and answers files (files.ts, load-file.ts; the
 * YAML code loads only when used). It grades with the same grader code as
 * the CLI. Learner text only ever goes into the page through textContent
 * and .value.
 */
import { findLms } from '../scorm/detect.ts';
import { downloadDoc } from './answers-doc.ts';
import { checkForm } from './check.ts';
import { readForm, writeControl } from './controls.ts';
import { clearVerdicts, showPartVerdict, showScore } from './feedback.ts';
import { downloadAnswers } from './files.ts';
import { hintsAndSolution, type HintsAndSolution } from './hints.ts';
import { learnerField, sameLearner, type LearnerField } from './learner.ts';
import { loadAnswersFile } from './load-file.ts';
import { openPage, type ExercisePage } from './page.ts';
import { applyVariant, numbersNotice } from './variant.ts';

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
  const page = openPage(root);
  for (const el of root.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
  const hints = hintsAndSolution(root, page.progress, page.save);
  const forget = () => {
    clearVerdicts(root, page.form, page.score);
    page.progress.verdicts = {};
  };
  const numbersNoticeBox = root.querySelector<HTMLElement>('[data-numbers-notice]');
  // The learner whose numbers the page shows, to say which numbers a new id changes.
  let numbersFor: string | undefined;
  const learner = learnerField(root.querySelector<HTMLInputElement>('#vg-learner'), page.storage, (who) => {
    if (!page.variants) return;
    // The verdicts were for another learner's numbers.
    forget();
    if (numbersNoticeBox) numbersNoticeBox.textContent = numbersNotice(page.exercise, numbersFor, who, page.variants);
    numbersFor = who;
    hints.setHints(applyVariant(page.exercise, who, page.variants));
    page.save();
  });
  numbersFor = learner.get();
  restore(page, learner, hints);
  listen(page, learner, { hints, forget });
}

/** Shows what this browser kept: the learner's numbers, the answers, the verdicts that still apply, the score and hints. */
function restore(page: ExercisePage, learner: LearnerField, hints: HintsAndSolution): void {
  const { root, form, partIds, progress, variants } = page;
  if (variants && learner.get()) hints.setHints(applyVariant(page.exercise, learner.get(), variants));
  // Verdicts saved for another learner's numbers no longer apply.
  if (variants && Object.keys(progress.verdicts).length > 0 && !sameLearner(progress.learner, learner.get())) progress.verdicts = {};
  for (const part of partIds) writeControl(form, part, progress.answers[part] ?? '');
  for (const [part, v] of Object.entries(progress.verdicts)) showPartVerdict(root, form, { part, ...v });
  showScore(page.score, progress, partIds);
  hints.render();
}

/** Wires typing (saved a moment after the last key, and on leaving), Check, Download and Load. */
function listen(page: ExercisePage, learner: LearnerField, { hints, forget }: { hints: HintsAndSolution; forget: () => void }): void {
  const { root, form, partIds, progress, loadStatus } = page;
  let pendingSave: ReturnType<typeof setTimeout> | undefined;
  const saveAnswers = () => {
    clearTimeout(pendingSave);
    pendingSave = undefined;
    progress.answers = readForm(form, partIds);
    page.save();
  };
  form.addEventListener('input', () => {
    clearTimeout(pendingSave);
    pendingSave = setTimeout(saveAnswers, 250);
  });
  // Typed but not yet saved when the page goes away: save now (and only then).
  window.addEventListener('pagehide', () => pendingSave !== undefined && saveAnswers());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    checkForm(page, learner.get(), hints);
  });
  root.querySelector('[data-action="download"]')?.addEventListener('click', () => {
    loadStatus.textContent = '';
    downloadAnswers(downloadDoc(page, learner.get()), 'answers.yaml').catch((error: unknown) => {
      loadStatus.textContent = `The answers file could not be made: ${error instanceof Error ? error.message : 'unknown error'}.`;
    });
  });
  const fileInput = root.querySelector<HTMLInputElement>('[data-action="load"]');
  fileInput?.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    loadStatus.textContent = `Reading ${file.name}…`;
    const message = await loadAnswersFile(page, file, learner, forget);
    fileInput.value = '';
    loadStatus.textContent = message;
  });
}

if (!customElements.get('vg-exercise')) customElements.define('vg-exercise', ExerciseElement);
// Inside an LMS (SCORM), report each Check to it; elsewhere nothing more loads.
if (findLms()) void import('../scorm/adapter.ts');
