/**
 * Pagefind's search UI, started when the learner reaches for search rather than on every page load.
 *
 * Starlight's search box (its Search.astro) imports `@pagefind/default-ui` (about 94 KB of script)
 * and builds the search form in an idle callback right after the page loads: one long task on every
 * page, which Lighthouse's mobile run (4× slower CPU) counts as blocking time on pages that have
 * little else to do, such as the home page. astro.config.mjs points that import here instead; this
 * stand-in keeps Starlight's options and builds the real UI the first time the search button is
 * hovered, focused or touched, or the search dialog opens (Ctrl/⌘ K), then focuses its field if the
 * dialog is open by then.
 */

/** Pagefind's own build of its UI (the package has no types; its constructor takes Starlight's options). */
type PagefindUIClass = new (options: object) => unknown;

export class PagefindUI {
  constructor(options: { element?: string }) {
    const search = document.querySelector('site-search');
    const dialog = search?.querySelector('dialog');
    let started = false;
    const start = async () => {
      if (started) return;
      started = true;
      observer.disconnect();
      // @ts-expect-error: @pagefind/default-ui ships no type declarations.
      const ui: { PagefindUI: PagefindUIClass } = await import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs');
      new ui.PagefindUI(options);
      if (dialog?.open) search?.querySelector<HTMLInputElement>('input')?.focus();
    };
    const button = search?.querySelector('button[data-open-modal]');
    for (const type of ['pointerenter', 'touchstart', 'focus']) button?.addEventListener(type, start, { once: true, passive: true });
    // The keyboard shortcut opens the dialog without going near the button.
    const observer = new MutationObserver(() => {
      if (dialog?.open) void start();
    });
    if (dialog) observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
  }
}
