/**
 * What a learner sees, measured in the page: each function here runs inside
 * the browser (passed to page.evaluate, so each is self-contained) and returns
 * plain data the tests compare. Shared by test/e2e/render.test.ts and the
 * screenshot and layout-shift figures.
 */
import type { Page } from 'playwright-core';

/** The smallest legible text, in CSS px as rendered (SVG text scaled by its viewBox). */
export const MIN_TEXT_PX = 9;
/** WCAG 2.2 SC 2.5.8 Target Size (Minimum), in CSS px. */
export const MIN_TARGET_PX = 24;

/** Opens every <details> and scrolls through the page, so folded content is rendered and client:visible islands hydrate. */
export async function revealAll(page: Page, { step = 500, pauseMs = 40 } = {}): Promise<void> {
  await page.evaluate(
    async ({ step, pauseMs }) => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, pauseMs));
      }
      window.scrollTo(0, 0);
    },
    { step, pauseMs },
  );
}

/** A sub- or superscript in KaTeX's HTML that is not smaller than its base, with the formula it sits in. */
export interface ScriptSize {
  scripts: number;
  fullSize: string[];
}

/**
 * Every KaTeX sub/superscript (.msupsub) against its base (the element before it):
 * the script's glyphs must be drawn at a smaller font size than the base's.
 */
export function scriptSizes(page: Page): Promise<ScriptSize> {
  return page.evaluate(() => {
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    // Leaf spans that draw a character (KaTeX's zero-width .vlist-s struts excluded).
    const glyphs = (el: Element) =>
      [el, ...el.querySelectorAll('span')].filter(
        (s) => s.children.length === 0 && (s.textContent ?? '').replace(/\u200b/g, '').trim() !== '',
      );
    const fullSize: string[] = [];
    let scripts = 0;
    for (const sup of document.querySelectorAll('.katex-html .msupsub')) {
      const base = sup.previousElementSibling;
      if (!base) continue;
      const baseGlyphs = glyphs(base);
      const scriptGlyphs = glyphs(sup);
      if (baseGlyphs.length === 0 || scriptGlyphs.length === 0) continue;
      scripts++;
      const baseSize = Math.max(...baseGlyphs.map(size));
      const biggest = Math.max(...scriptGlyphs.map(size));
      if (!(biggest < baseSize)) {
        const tex = sup.closest('.katex')?.querySelector('annotation')?.textContent ?? '?';
        fullSize.push(`${tex} (script ${biggest}px, base ${baseSize}px)`);
      }
    }
    return { scripts, fullSize };
  });
}

/**
 * Inline formulas (not display math) narrower than half the text column that the
 * browser broke across lines: their rendered boxes sit on more than one line.
 */
export function splitInlineMath(page: Page): Promise<{ inline: number; split: string[] }> {
  return page.evaluate(() => {
    const split: string[] = [];
    let inline = 0;
    for (const k of document.querySelectorAll('.katex')) {
      if (k.closest('.katex-display')) continue;
      const html = k.querySelector(':scope > .katex-html');
      if (!html) continue;
      // KaTeX lays a formula out as a row of unbreakable "bases" (.katex-base; .base before 0.19); lines break between them.
      const bases = [...html.querySelectorAll(':scope > .katex-base, :scope > .base')].map((b) => b.getBoundingClientRect());
      if (bases.length === 0 || bases.every((r) => r.width === 0)) continue;
      inline++;
      const width = bases.reduce((s, r) => s + r.width, 0);
      const column = (k.closest('p, li, td, th, figcaption, dd, label, legend, summary, div') ?? document.body).getBoundingClientRect()
        .width;
      if (width > column / 2) continue;
      const lines = new Set(bases.map((r) => Math.round(r.bottom / 4)));
      const rows = [...lines].sort((a, b) => a - b);
      // Bases on one line share a baseline to within a few px; a wrap moves the next one down a whole line.
      const spread = bases.length > 1 ? Math.max(...bases.map((r) => r.top)) - Math.min(...bases.map((r) => r.top)) : 0;
      const lineHeight = parseFloat(getComputedStyle(k).fontSize) * 1.2;
      if (rows.length > 1 && spread > lineHeight) {
        split.push(k.querySelector('annotation')?.textContent ?? k.textContent ?? '?');
      }
    }
    return { inline, split };
  });
}

/** Text drawn smaller than `min` CSS px, as rendered: HTML font size, SVG font size times the SVG's scale on screen. */
export function smallText(page: Page, min: number): Promise<{ smallest: number; where: string; small: string[] }> {
  return page.evaluate((min) => {
    const small: string[] = [];
    let smallest = Infinity;
    let where = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !(n.textContent ?? '').replace(/\u200b/g, '').trim()) continue;
      seen.add(el);
      if (el.closest('script, style, template, noscript, title, desc, .katex-mathml, [hidden], [aria-hidden="true"] title')) continue;
      const box = el.getBoundingClientRect();
      // Not rendered (display: none, a closed <details>) or visually hidden (.sr-only is a 1 px clipped box).
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) continue;
      let px = parseFloat(style.fontSize);
      // SVG text is scaled by its viewBox (and any transform): its screen matrix says by how much.
      const svgEl: Element = el;
      if (svgEl instanceof SVGGraphicsElement) {
        const m = svgEl.getScreenCTM() ?? svgEl.ownerSVGElement?.getScreenCTM();
        if (m) px *= Math.hypot(m.a, m.b);
      }
      px = Math.round(px * 100) / 100;
      if (px < smallest) {
        smallest = px;
        where = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(n.textContent ?? '').trim().slice(0, 30)}"`;
      }
      if (px < min)
        small.push(
          `${px}px ${el.tagName.toLowerCase()}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''} "${(n.textContent ?? '').trim().slice(0, 30)}"`,
        );
    }
    return { smallest, where, small };
  }, min);
}

/**
 * Interactive targets smaller than `min` × `min` CSS px. Links inside a sentence
 * are exempt (SC 2.5.8's inline exception); hidden and visually hidden ones are skipped.
 */
export function smallTargets(page: Page, min: number): Promise<{ targets: number; small: string[] }> {
  return page.evaluate((min) => {
    const small: string[] = [];
    let targets = 0;
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="slider"], [role="button"], [tabindex]:not([tabindex="-1"])';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      // A link in running text: its line box is the text's own, and SC 2.5.8 exempts it.
      if (el.tagName === 'A' && style.display === 'inline') continue;
      // A scrolling region made focusable for the keyboard is not a pointer target.
      if (el.getAttribute('role') === 'region' || (el.tagName === 'SECTION' && el.hasAttribute('aria-label'))) continue;
      targets++;
      // A link card stretches its link over the whole card with an absolutely placed ::before/::after (inset 0):
      // the card is the target.
      let target = box;
      for (const pseudo of ['::before', '::after']) {
        const ps = getComputedStyle(el, pseudo);
        if (ps.content === 'none' || ps.position !== 'absolute' || ps.top !== '0px' || ps.left !== '0px') continue;
        let holder = el.parentElement;
        while (holder && getComputedStyle(holder).position === 'static') holder = holder.parentElement;
        if (holder) target = holder.getBoundingClientRect();
      }
      const w = Math.max(box.width, target.width);
      const h = Math.max(box.height, target.height);
      if (w < min - 0.01 || h < min - 0.01) {
        const name = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? (el.textContent ?? '').trim().slice(0, 30);
        small.push(
          `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''} "${name}" ${w.toFixed(1)}×${h.toFixed(1)}`,
        );
      }
    }
    return { targets, small };
  }, min);
}

/** Elements that take pointer drags (our plots) and what their computed touch-action is. */
export function dragSurfaces(page: Page): Promise<{ selector: string; touchAction: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.vg-drag, svg[role="slider"]')].map((el) => ({
      selector: `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ').join('.')}`,
      touchAction: getComputedStyle(el).touchAction,
    })),
  );
}

/** Wide display math: each display formula whose content is wider than its box must scroll, be focusable and be labelled. */
export function wideMath(page: Page): Promise<{ display: number; wide: number; unusable: string[] }> {
  return page.evaluate(() => {
    const unusable: string[] = [];
    let wide = 0;
    const displays = [...document.querySelectorAll<HTMLElement>('.katex-display')];
    for (const d of displays) {
      if (d.getBoundingClientRect().width === 0) continue;
      const scroller = d.closest<HTMLElement>('[data-math-scroll]') ?? d;
      if (scroller.scrollWidth <= scroller.clientWidth + 1) continue;
      wide++;
      const style = getComputedStyle(scroller);
      const tex = d.querySelector('annotation')?.textContent?.slice(0, 40) ?? '?';
      if (!/auto|scroll/.test(style.overflowX)) unusable.push(`${tex}: overflow-x ${style.overflowX}`);
      if (scroller.tabIndex < 0) unusable.push(`${tex}: not focusable`);
      if (!scroller.getAttribute('aria-label')) unusable.push(`${tex}: no label`);
    }
    return { display: displays.length, wide, unusable };
  });
}

/** Text drawn inside a static chart that a plotted line runs through: sample points of each label's box, hit-tested against each series' stroke. */
export function labelsOverLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hits: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.vg-chart__svg, svg.vg-plot')) {
      if (svg.getBoundingClientRect().width === 0) continue;
      const lines = [...svg.querySelectorAll<SVGPathElement>('.vg-chart__series path, path.vg-curve')];
      for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
        if (text.closest('[transform]')) continue;
        const b = text.getBBox();
        if (b.width === 0) continue;
        for (const line of lines) {
          let hit = false;
          for (let i = 0; i <= 8 && !hit; i++) {
            for (let j = 0; j <= 4 && !hit; j++) {
              const p = new DOMPoint(b.x + 1 + ((b.width - 2) * i) / 8, b.y + 2 + ((b.height - 4) * j) / 4);
              hit = line.isPointInStroke(p);
            }
          }
          if (hit) {
            const series = line.closest('[class*="vg-series-"]')?.getAttribute('class') ?? line.getAttribute('class') ?? 'a line';
            hits.push(`"${text.textContent?.trim()}" crosses ${series}`);
          }
        }
      }
    }
    return hits;
  });
}

/**
 * Chart labels cut off: SVG text, and the lab's colour-key labels, that
 * reach past what shows them: an ancestor that clips (overflow other than
 * visible, or paint containment); the key's labels also must not reach past
 * either end of the key.
 * Each as `"label" in <chart>: past the <side> by N px`.
 */
export function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { left: number; right: number; top: number; bottom: number };
    const found: string[] = [];
    /** How far `inner` reaches past `outer` on each side, where it does by more than half a pixel. */
    const past = (inner: Box, outer: Box): string[] =>
      (
        [
          ['left', outer.left - inner.left],
          ['right', inner.right - outer.right],
          ['top', outer.top - inner.top],
          ['bottom', inner.bottom - outer.bottom],
        ] as const
      )
        .filter(([, by]) => by > 0.5)
        .map(([side, by]) => `past the ${side} by ${by.toFixed(1)} px`);
    /**
     * The box `el` is seen in without scrolling: the intersection of the padding boxes of the ancestors
     * that clip (overflow other than visible; a scroll container too, since a label should not need a scroll).
     */
    const shownWithin = (el: Element): Box => {
      const box: Box = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity };
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        const r = a.getBoundingClientRect();
        const [left, top] = [r.left + a.clientLeft, r.top + a.clientTop];
        // Paint containment (contain: paint, content or strict; content-visibility other than visible) clips too.
        const paint = /paint|content|strict/.test(style.contain) || style.contentVisibility !== 'visible';
        if (paint || style.overflowX !== 'visible')
          [box.left, box.right] = [Math.max(box.left, left), Math.min(box.right, left + a.clientWidth)];
        if (paint || style.overflowY !== 'visible')
          [box.top, box.bottom] = [Math.max(box.top, top), Math.min(box.bottom, top + a.clientHeight)];
      }
      return box;
    };
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg')) {
      if (svg.getBoundingClientRect().width === 0 || svg.closest('.katex')) continue;
      const chart = svg.getAttribute('data-chart') ?? svg.getAttribute('aria-label')?.slice(0, 40) ?? svg.getAttribute('class') ?? 'an svg';
      for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
        const r = text.getBoundingClientRect();
        if (r.width === 0) continue;
        for (const side of past(r, shownWithin(text))) found.push(`"${text.textContent?.trim()}" in ${chart}: ${side}`);
      }
    }
    for (const key of document.querySelectorAll<HTMLElement>('.vg-lab-heat-legend')) {
      const outer = key.getBoundingClientRect();
      if (outer.width === 0) continue;
      // The labels sit below the ramp, in the key's bottom margin: their ends are held to the key's.
      for (const label of key.querySelectorAll<HTMLElement>('.vg-lab-heat-ticks span')) {
        const r = label.getBoundingClientRect();
        const within = shownWithin(label);
        const sides = [...past({ left: r.left, right: r.right, top: outer.top, bottom: outer.bottom }, outer), ...past(r, within)];
        for (const side of new Set(sides)) found.push(`"${label.textContent?.trim()}" in the colour key: ${side}`);
      }
    }
    return found;
  });
}
