/**
 * <vg-class-report>: grades answer files an instructor chooses or drops, in
 * the page, and offers the gradebook as a CSV download. The grader (with its
 * YAML parser) is imported when the instructor is about to give files, so the
 * page loads almost no script; the files are read locally and never sent.
 */
import type { Collected, Dropped } from './collect.ts';

type Grading = typeof import('./grade-files.ts');
type Rendering = typeof import('./render.ts');
type Collecting = typeof import('./collect.ts');

/** A drop's entries, taken while its event runs: they are gone once it returns. */
function droppedOf(data: DataTransfer): Dropped {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  return { entries, files: [...data.files] };
}

class ClassReportElement extends HTMLElement {
  #modules?: Promise<[Grading, Rendering, Collecting]>;
  #downloads: Record<string, string> = {};

  /** The grader, the renderer and the class's file rule, fetched once, on the first sign the instructor is about to give files. */
  #load(): Promise<[Grading, Rendering, Collecting]> {
    this.#modules ??= Promise.all([import('./grade-files.ts'), import('./render.ts'), import('./collect.ts')]);
    return this.#modules;
  }

  connectedCallback(): void {
    const $ = <T extends HTMLElement = HTMLElement>(sel: string) => this.querySelector<T>(sel)!;
    const drop = $('[data-drop]');
    const status = $('[data-status]');
    const files = $<HTMLInputElement>('input[data-files]');
    const folder = $<HTMLInputElement>('input[data-folder]');
    const roster = $<HTMLInputElement>('input[data-roster]');
    const variants = $<HTMLInputElement>('input[data-variants]');
    const downloads = [...this.querySelectorAll<HTMLButtonElement>('[data-download]')];
    const settings = JSON.parse(this.dataset.settings ?? '{}') as import('./grade-files.ts').BuiltSettings;
    $('[data-needs-js]').hidden = true;
    $('[data-controls]').hidden = false;
    let last: Collected = { chosen: [], skipped: [] };

    /** Grades what `collect` finds, once the modules are loaded. */
    const run = async (collect: (collecting: Collecting) => Collected | Promise<Collected>) => {
      try {
        const [grading, rendering, collecting] = await this.#load();
        const collected = await collect(collecting);
        last = collected;
        const count = collected.chosen.length;
        if (count === 0) {
          const notes = collecting.notes(collected);
          status.textContent = `No answer files (*.yaml, *.yml, *.json) were found in what you gave${notes.length > 0 ? ` (${notes.join('; ')})` : ''}.`;
          return;
        }
        status.textContent = `Grading ${count} ${count === 1 ? 'file' : 'files'}…`;
        let read: Extract<import('./grade-files.ts').RosterRead, { ok: true }> | undefined;
        let rosterNote = '';
        const rosterFile = roster.files?.[0];
        if (rosterFile) {
          const got = await grading.rosterFrom(rosterFile);
          if (!got.ok) rosterNote = ` The roster was not used: ${got.message}.`;
          else {
            read = got;
            if (got.warnings.length > 0) rosterNote = ` Roster: ${got.warnings.join('; ')}.`;
          }
        }
        const result = await grading.gradeFiles(collected, { variants: variants.checked, settings, ...(read ? { roster: read } : {}) });
        rendering.renderReport($('[data-result]'), result);
        this.#downloads = result.downloads;
        for (const button of downloads) button.hidden = !(button.dataset.download! in result.downloads);
        status.textContent = `Graded ${result.counts.graded} of ${result.counts.files} files.${rosterNote}`;
      } catch (error) {
        status.textContent = `The files could not be graded here (${error instanceof Error ? error.message : 'unknown error'}). The site's grade.mjs grades them too: node grade.mjs <folder>.`;
      }
    };

    for (const event of ['pointerenter', 'focusin', 'dragenter']) this.addEventListener(event, () => void this.#load(), { once: true });
    for (const input of [files, folder]) {
      input.addEventListener('change', () => {
        const given = [...(input.files ?? [])];
        void run((c) => c.fromFileList(given));
      });
    }
    // A new roster or variants setting regrades what was given last.
    roster.addEventListener('change', () => void (last.chosen.length > 0 && run(() => last)));
    variants.addEventListener('change', () => void (last.chosen.length > 0 && run(() => last)));
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.dataset.over = 'true';
    });
    drop.addEventListener('dragleave', () => delete drop.dataset.over);
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      delete drop.dataset.over;
      if (!event.dataTransfer) return;
      const dropped = droppedOf(event.dataTransfer);
      void run((c) => c.fromDrop(dropped));
    });
    for (const button of downloads)
      button.addEventListener('click', () => {
        const format = button.dataset.download!;
        const url = URL.createObjectURL(new Blob([this.#downloads[format] ?? ''], { type: 'text/csv' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = format === 'csv' ? 'gradebook.csv' : `gradebook-${format}.csv`;
        link.hidden = true;
        this.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      });
  }
}

if (!customElements.get('vg-class-report')) customElements.define('vg-class-report', ClassReportElement);
