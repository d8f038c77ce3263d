/**
 * What a learner sees, on every page of the built site, in Chromium: maths
 * drawn by the same KaTeX as its stylesheet (scripts smaller than their base,
 * short formulas never split, wide ones scroll in a labelled region); on a
 * 390 × 844 phone no text under 9 px, targets of at least 24 × 24 px, plots
 * that leave vertical swipes to the page; chart labels clear of the plotted
 * lines. The measures live in support/render.ts; layout shift has its own file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { PHONE } from './support/layout-shift.ts';
import {
  clippedLabels,
  dragSurfaces,
  labelsOverLines,
  MIN_TARGET_PX,
  MIN_TEXT_PX,
  revealAll,
  scriptSizes,
  smallTargets,
  smallText,
  splitInlineMath,
  wideMath,
} from './support/render.ts';
import { useSite } from './support/served-site.ts';

interface PageReport {
  path: string;
  scripts: Awaited<ReturnType<typeof scriptSizes>>;
  split: Awaited<ReturnType<typeof splitInlineMath>>;
  text: Awaited<ReturnType<typeof smallText>>;
  targets: Awaited<ReturnType<typeof smallTargets>>;
  drags: Awaited<ReturnType<typeof dragSurfaces>>;
  math: Awaited<ReturnType<typeof wideMath>>;
  overlaps: string[];
  clipped: string[];
}

const site = useSite({ crawl: true });
let pages: string[];
/** Every page measured once at each size, with every <details> open and every island hydrated. */
const phone = new Map<string, PageReport>();
const desktop = new Map<string, PageReport>();

async function measureAll(viewport: { width: number; height: number }, into: Map<string, PageReport>, mobile: boolean) {
  const context = await site.browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1 });
  for (const url of pages) {
    const { page, problems } = await openPage(context);
    await page.goto(url, { waitUntil: 'load' });
    await revealAll(page);
    await page.waitForLoadState('networkidle');
    const path = new URL(url).pathname;
    into.set(path, {
      path,
      scripts: await scriptSizes(page),
      split: await splitInlineMath(page),
      text: await smallText(page, MIN_TEXT_PX),
      targets: await smallTargets(page, MIN_TARGET_PX),
      drags: await dragSurfaces(page),
      math: await wideMath(page),
      overlaps: await labelsOverLines(page),
      clipped: await clippedLabels(page),
    });
    if (problems.length) throw new Error(`${path}: ${problems.join('; ')}`);
    await page.close();
  }
  await context.close();
}

beforeAll(async () => {
  pages = [...site.pages, `${site.url}404.html`];
  await measureAll(PHONE, phone, true);
  await measureAll({ width: 1280, height: 800 }, desktop, false);
});

/** "path: item" for every item a page reports, over all pages. */
const every = <T>(reports: Map<string, PageReport>, pick: (r: PageReport) => readonly T[]) =>
  [...reports.values()].flatMap((r) => pick(r).map((item) => `${r.path}: ${String(item)}`));

describe('maths', () => {
  it('draws every KaTeX sub- and superscript smaller than its base, on every page', () => {
    expect(every(desktop, (r) => r.scripts.fullSize)).toEqual([]);
    // The check saw the maths: the lessons hold well over a hundred scripts.
    const scripts = [...desktop.values()].reduce((s, r) => s + r.scripts.scripts, 0);
    expect(scripts).toBeGreaterThan(100);
  });

  it('keeps every short inline formula on one line, on a phone and on a desktop', () => {
    expect(every(phone, (r) => r.split.split)).toEqual([]);
    expect(every(desktop, (r) => r.split.split)).toEqual([]);
    expect([...phone.values()].reduce((s, r) => s + r.split.inline, 0)).toBeGreaterThan(100);
  });

  it('lets every display formula wider than the screen scroll inside a focusable, labelled region', () => {
    expect(every(phone, (r) => r.math.unusable)).toEqual([]);
    expect(every(desktop, (r) => r.math.unusable)).toEqual([]);
    // At 390 px some formulas (the three-line δ derivation) really are wider than the column.
    expect([...phone.values()].reduce((s, r) => s + r.math.wide, 0)).toBeGreaterThan(0);
  });
});

describe(`on a ${PHONE.width} × ${PHONE.height} phone`, () => {
  it(`draws no text smaller than ${MIN_TEXT_PX} CSS px: prose, figures' SVG text, axis ticks, the anchor diagram`, () => {
    expect(every(phone, (r) => r.text.small)).toEqual([]);
    const smallest = [...phone.values()].sort((a, b) => a.text.smallest - b.text.smallest)[0]!;
    console.log(`smallest text at ${PHONE.width} px: ${smallest.text.smallest} px on ${smallest.path} (${smallest.text.where})`);
  });

  it(`gives every control a target of at least ${MIN_TARGET_PX} × ${MIN_TARGET_PX} CSS px (WCAG 2.2 SC 2.5.8)`, () => {
    expect(every(phone, (r) => r.targets.small)).toEqual([]);
    expect(every(desktop, (r) => r.targets.small)).toEqual([]);
  });

  it('leaves vertical scrolling to the page over every plot that takes drags (touch-action: pan-y)', () => {
    const drags = [...phone.values()].flatMap((r) => r.drags.map((d) => `${r.path}: ${d.selector} ${d.touchAction}`));
    expect(drags.length).toBeGreaterThan(0);
    expect(drags.filter((d) => !d.endsWith(' pan-y'))).toEqual([]);
  });

  it('scrolls the page and leaves z alone when a finger swipes up over the sigmoid plot; a sideways drag moves z', async () => {
    const url = pages.find((p) => p.includes('/lessons/sigmoid/'))!;
    const { context, page } = await site.newPage({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(url);
    const island = page.locator('[data-island="sigmoid-explorer"]');
    const plot = island.locator('svg.vg-drag');
    await plot.scrollIntoViewIfNeeded();
    await island.locator('xpath=ancestor::astro-island[1]').evaluate(
      (el) =>
        new Promise<void>((done) => {
          const ready = () => !el.hasAttribute('ssr');
          if (ready()) return done();
          new MutationObserver((_, obs) => ready() && (obs.disconnect(), done())).observe(el, { attributes: true });
        }),
    );
    const z = async () => (await island.locator('.vg-readout-z').textContent())?.trim();
    const cdp = await context.newCDPSession(page);
    /** A finger moved in ten steps, through Chromium's real touch pipeline (gesture detection, touch-action). */
    const swipe = async (from: { x: number; y: number }, by: { x: number; y: number }) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: from.x + (by.x * i) / 10, y: from.y + (by.y * i) / 10 }],
        });
        await page.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(300);
    };
    let box = (await plot.boundingBox())!;
    const before = { z: await z(), y: await page.evaluate(() => window.scrollY) };
    await swipe({ x: box.x + box.width * 0.8, y: box.y + box.height * 0.7 }, { x: 0, y: -150 });
    const after = { z: await z(), y: await page.evaluate(() => window.scrollY) };
    box = (await plot.boundingBox())!;
    await swipe({ x: box.x + box.width * 0.5, y: box.y + box.height / 2 }, { x: box.width * 0.3, y: 0 });
    const dragged = await z();
    await context.close();
    expect(after.y).toBeGreaterThan(before.y + 100);
    expect(after.z).toBe(before.z);
    expect(dragged).not.toBe(before.z);
  });
});

describe('static charts', () => {
  it('keep every label clear of the plotted lines, on a phone and on a desktop', () => {
    expect(every(phone, (r) => r.overlaps)).toEqual([]);
    expect(every(desktop, (r) => r.overlaps)).toEqual([]);
  });

  it("and every island's chart keep their labels inside the chart, on a phone and on a desktop (an SVG cuts off what lies outside it)", () => {
    expect(every(phone, (r) => r.clipped)).toEqual([]);
    expect(every(desktop, (r) => r.clipped)).toEqual([]);
  });
});
