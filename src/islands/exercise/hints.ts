/** Hints one at a time, and the worked solution, which opens once the learner has checked an answer. */
import type { Progress } from './storage.ts';

export interface HintsAndSolution {
  /** Shows as many hints as progress says and locks or unlocks the solution. */
  render(): void;
  /** Refills the hint texts (a learner's variant has its own numbers). */
  setHints(texts: readonly string[]): void;
}

/** Wires the hint button; `save` is called after each hint. */
export function hintsAndSolution(root: HTMLElement, progress: Progress, save: () => void): HintsAndSolution {
  const box = root.querySelector<HTMLDetailsElement>('[data-hints-box]');
  const items = [...root.querySelectorAll<HTMLLIElement>('[data-hints] li')];
  const button = root.querySelector<HTMLButtonElement>('[data-action="hint"]');
  const status = root.querySelector<HTMLElement>('[data-hint-status]');
  const solution = root.querySelector<HTMLDetailsElement>('[data-solution]');
  const locked = root.querySelector<HTMLElement>('[data-solution-locked]');

  const render = () => {
    items.forEach((li, i) => (li.hidden = i >= progress.hints));
    if (box) {
      box.open = true;
      box.hidden = progress.hints === 0;
      const summary = box.querySelector('summary');
      if (summary) summary.hidden = true;
    }
    if (button) {
      button.disabled = progress.hints >= items.length;
      button.textContent = progress.hints >= items.length ? 'No more hints' : 'Show a hint';
    }
    if (solution) solution.hidden = !progress.attempted;
    if (locked) locked.hidden = progress.attempted;
  };
  button?.addEventListener('click', () => {
    if (progress.hints >= items.length) return;
    progress.hints += 1;
    render();
    save();
    if (status) status.textContent = `Hint ${progress.hints} of ${items.length}: ${items[progress.hints - 1]?.textContent ?? ''}`;
  });
  return {
    render,
    setHints: (texts) => {
      texts.forEach((text, i) => {
        const item = items[i];
        if (item) item.textContent = text;
      });
    },
  };
}
