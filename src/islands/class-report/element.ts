/**
 * <vg-class-report>: grades answer files an instructor chooses or drops, in
 * the page, and offers the gradebook as a CSV download. The grader (with its
 * YAML parser) is imported when the instructor is about to give files, so the
 * page loads almost no script; the files are read locally and never sent.
 */
import { skipNote } from '../../../grader/class/files.ts';
import { fromDrop, fromFileList, type Collected } from './collect.ts';

type Grading = typeof import('./grade-files.ts');
type Rendering = typeof import('./render.ts');

class ClassReportElement extends HTMLElement {
  #modules?: Promise<[Grading, Rendering]>;
  #downloads: Record<string, string> = {};

  /** The grader and the renderer, fetched once, on the first sign the instructor is about to give files. */
  #load(): Promise<[Grading, Rendering]> {
    this.#modules ??= Promise.all([import('./grade-files.ts'), import('./render.ts')]);
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

    const run = async (collected: Collected) => {
      last = collected;
      const { chosen, skipped } = collected;
      if (chosen.length === 0) {
        const notes = skipped.length > 0 ? ` (${skipped.map(skipNote).join('; ')})` : '';
        status.textContent = `No answer files (*.yaml, *.yml, *.json) were found in what you gave${notes}.`;
        return;
      }
      status.textContent = `Grading ${chosen.length} ${chosen.length === 1 ? 'file' : 'files'}…`;
      try {
        const [grading, rendering] = await this.#load();
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
    files.addEventListener('change', () => void run(fromFileList(files.files ?? [])));
    folder.addEventListener('change', () => void run(fromFileList(folder.files ?? [])));
    // A new roster or variants setting regrades what was given last.
    roster.addEventListener('change', () => void (last.chosen.length > 0 && run(last)));
    variants.addEventListener('change', () => void (last.chosen.length > 0 && run(last)));
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.dataset.over = 'true';
    });
    drop.addEventListener('dragleave', () => delete drop.dataset.over);
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      delete drop.dataset.over;
      if (event.dataTransfer) void fromDrop(event.dataTransfer).then(run);
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
