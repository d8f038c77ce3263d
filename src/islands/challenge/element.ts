/**
 * <vg-challenge>: the form of one lab challenge page. Its one control,
 * `setup`, holds the lab's state string; Check replays it in a worker with the
 * grader's own code and shows the verdict; the answer is kept with the
 * exercises' progress, and Download answers writes it into the answers file.
 */
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { loadLearner, safeStorage, peekProgress } from '../exercise/storage.ts';
import { savedDoc } from './answers.ts';
import { gradeInWorker, saveSetup, savedSetup } from './client.ts';

class ChallengeElement extends HTMLElement {
  connectedCallback() {
    const id = this.dataset.challenge ?? '';
    const variants = this.dataset.variants === 'true';
    const form = this.querySelector<HTMLFormElement>('form');
    const input = this.querySelector<HTMLInputElement>('input[name="setup"]');
    const out = this.querySelector<HTMLElement>('[data-part="setup"]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!form || !input || !out) return;
    const storage = safeStorage();
    const learner = () => (storage ? loadLearner(storage, EXERCISE_IDS) : undefined);
    const show = (verdict: string, feedback: string) => {
      out.dataset.verdict = verdict;
      out.textContent = feedback;
    };
    input.value = savedSetup(storage, id);
    const saved = storage ? peekProgress(storage, id, ['setup'])?.verdicts.setup : undefined;
    if (saved && input.value) show(saved.verdict, saved.feedback);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const setup = input.value;
      if (setup.trim() === '') {
        show(
          'missing',
          'missing: no setup given. Set up the lab, press “Use this setup as my answer”, or paste the text after “#lab=” from its address.',
        );
        return;
      }
      out.removeAttribute('data-verdict');
      out.textContent = 'Replaying your setup as the grader will…';
      const v = await gradeInWorker(id, setup, learner(), variants);
      saveSetup(storage, id, setup, v);
      show(v.verdict, `${v.verdict}: ${v.feedback}`);
    });
    input.addEventListener('change', () => saveSetup(storage, id, input.value));
    this.querySelector('[data-action="download"]')?.addEventListener('click', async () => {
      const { downloadAnswers } = await import('../exercise/files.ts');
      downloadAnswers(savedDoc(storage, learner(), { id, setup: input.value }), 'answers.yaml').catch((error: unknown) => {
        if (status) status.textContent = `The answers file could not be made: ${error instanceof Error ? error.message : 'unknown error'}.`;
      });
    });
  }
}

if (!customElements.get('vg-challenge')) customElements.define('vg-challenge', ChallengeElement);
