/**
 * Every island in a real browser: its build-time frame is in the HTML, it
 * reacts to its controls by keyboard and by mouse, and keeps its state in the
 * URL hash. The training lab has its own file, test/e2e/lab.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { sigmoid } from '../../engine/activations.ts';
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { formatNumber } from '../../engine/format.ts';
import { openPage } from './support/browser.ts';
import { islandPages } from './support/islands.ts';
import { useSite } from './support/served-site.ts';

const site = useSite();
let pages: Map<string, string[]>;

beforeAll(async () => {
  pages = await islandPages(site.url);
});

const pageWith = (kind: string): string => {
  const url = pages.get(kind)?.[0];
  if (!url) throw new Error(`no page of the built site holds a ${kind} island`);
  return url;
};

/** Opens the page in a fresh profile and scrolls the island into view so client:visible hydrates it. */
async function openIsland(kind: string, options: { context?: BrowserContext; url?: string; nth?: number } = {}) {
  const context = options.context ?? (await site.browser.newContext());
  const { page, problems } = await openPage(context);
  await page.goto(options.url || pageWith(kind));
  const island = page.locator(`[data-island="${kind}"]`).nth(options.nth ?? 0);
  await show(island);
  return { context, page, problems, island };
}

/** Opens any <details> around the island (a lesson may fold it away), scrolls to it and waits for hydration. */
async function show(island: Locator): Promise<void> {
  await island.evaluate((el) => {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  });
  await island.scrollIntoViewIfNeeded();
  await hydrated(island);
}

/** Waits until Astro has hydrated the island's <astro-island> wrapper. */
async function hydrated(island: Locator): Promise<void> {
  await island.locator('xpath=ancestor::astro-island[1]').evaluate(
    (el) =>
      new Promise<void>((done) => {
        const ready = () => !el.hasAttribute('ssr');
        if (ready()) return done();
        new MutationObserver((_, obs) => ready() && (obs.disconnect(), done())).observe(el, { attributes: true });
      }),
  );
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** axe (WCAG 2.2 AA) on one island in its current, interacted-with state. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('SigmoidExplorer', () => {
  it('renders its first frame at build time', async () => {
    const html = await (await fetch(pageWith('sigmoid-explorer'))).text();
    expect(html).toContain('data-readout="dsigma"');
    expect(html).toContain(formatNumber(sigmoid.df(1)));
  });

  it('moves z by keyboard on the slider and on the plot, and by dragging with the mouse', async () => {
    const { context, page, problems, island } = await openIsland('sigmoid-explorer');
    const dsigma = island.locator('[data-readout="dsigma"]');
    const slider = island.getByLabel('z', { exact: true });
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    // From the starting z = 1, five steps of 0.1 reach z = 1.5 (oracle: σ written out here).
    const s15 = 1 / (1 + Math.exp(-1.5));
    await expect.poll(() => text(dsigma)).toBe(formatNumber(s15 * (1 - s15)));
    expect(await text(island.locator('[data-readout="sigma"]'))).toBe(formatNumber(s15));

    const plot = island.getByRole('slider', { name: /on the plot/ });
    await plot.focus();
    await page.keyboard.press('End');
    await expect.poll(() => text(island.locator('[data-readout="zone"]'))).toBe('saturated');
    await expect.poll(() => text(island.locator('[data-live]'))).toContain('saturated');

    // Drag from the right edge to the horizontal middle of the plot area: z returns towards 0.
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const z = Number((await text(island.locator('.vg-readout-z'))).replace('−', '-'));
    expect(z).toBeGreaterThan(0);
    expect(z).toBeLessThan(3);
    expect(await text(island.locator('[data-readout="zone"]'))).toBe('active');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('GradientFlow', () => {
  const ratio = (depth: number) => {
    const { backward } = traceChain(anchorNetwork({ depth }), { convention: { kind: 'loss', loss: 'bce', y: 1 } });
    return backward.lastOverFirst;
  };

  /** The page whose first gradient-flow island shows the post's anchor network (sigmoid, w = 0.1, 4 layers). */
  let anchorPage = '';
  /** The limits lesson, whose only explorer shows every control (the earlier lessons show only what they have taught). */
  const fullPage = () => (pages.get('gradient-flow') ?? []).find((url) => url.includes('/lessons/limits/')) ?? '';

  it('renders the anchor network at build time in the course’s δ: layer 1’s δ is 1/64,200 of layer 4’s (the headline ratio)', async () => {
    expect(Math.round(ratio(4) / 100) * 100).toBe(64200);
    for (const url of pages.get('gradient-flow') ?? []) {
      const html = await (await fetch(url)).text();
      const first = html.slice(html.indexOf('data-island="gradient-flow"'));
      if (
        first.slice(0, first.indexOf('</figure>')).includes('Layer 1&#39;s δ is 1/64,200 of layer 4&#39;s') ||
        first.slice(0, first.indexOf('</figure>')).includes("Layer 1's δ is 1/64,200 of layer 4's")
      ) {
        anchorPage = url;
        break;
      }
    }
    expect(anchorPage).not.toBe('');
  });

  it('reacts to depth by keyboard, activation and residual by mouse, and keeps its state in the hash', async () => {
    // The limits lesson's explorer shows every control; its hash starts it on the anchor network.
    const { context, page, problems, island } = await openIsland('gradient-flow', {
      url: `${fullPage()}#flow-limits=d:4,w:0.1,a:sigmoid,bi:0,x:1`,
    });
    const id = (await island.getAttribute('id'))!;
    const sentence = island.locator('[data-readout="sentence"]');
    const before = await text(sentence);
    await island.getByLabel('Depth').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => island.locator('[data-chart="flow"] rect.vg-flow-bar').count()).toBe(5);
    // Five sigmoid layers: δ₁/δ₅ = (0.1·σ′)⁴ ≈ 3.89 × 10⁻⁷ (the post's program's 3.89e-07), below a millionth, so the sentence gives the fraction itself.
    expect(await text(sentence)).toMatch(/^Layer 1's δ is only 3\.89 × 10⁻⁷ times layer 5's\.$/);
    expect(before).not.toEqual(await text(sentence));
    expect(await page.evaluate(() => location.hash)).toContain(`${id}=d:5`);

    // ReLU at z > 0 passes δ on times w alone: with w = 0.1 and 5 layers, layer 1 gets 0.1⁴ of layer 5.
    await island.getByLabel('Activation').selectOption('relu');
    await expect.poll(() => text(sentence)).toContain("1/10,000 of layer 5's");
    await island.getByLabel('Activation').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => island.getByLabel('Activation').inputValue()).toBe('tanh');
    await island.getByLabel('Residual connections').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('r:1');

    // The deepest chain, with its table of values open, is still accessible.
    await island.getByLabel('Depth').focus();
    await page.keyboard.press('End');
    await expect.poll(() => island.locator('[data-chart="flow"] rect.vg-flow-bar').count()).toBe(50);
    await island.getByText('Values per layer').click();
    expect(await axeViolations(page, `#${id}`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('applies a typed weight as typed, explains an out-of-range one, and reproduces the exploding sigmoid with the bias', async () => {
    const { context, page, problems, island } = await openIsland('gradient-flow', {
      url: `${fullPage()}#flow-limits=d:4,w:0.1,a:sigmoid,bi:0,x:1`,
    });
    const sentence = island.locator('[data-readout="sentence"]');
    // No Enter, no blur: the value applies once typing pauses.
    await island.getByLabel('Weight w').fill('8');
    // Applied once the shared hash carries it; only then is 8 the value an out-of-range entry keeps.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('w:8,');
    await expect.poll(() => island.locator('[data-readout="table"] td').first().textContent()).not.toBe('');
    await expect.poll(() => text(sentence)).not.toContain('64,200');
    await island.getByLabel('Weight w').fill('12');
    await expect.poll(() => text(island.locator('.vg-field-message'))).toBe('Weight w 12 is outside −10 to 10; kept 8.');
    await island.getByLabel('Weight w').fill('8');
    await island.getByLabel('Bias b').fill('-4');
    await island.getByLabel('Input x').fill('0.5');
    // The limits lesson's chain: every z held at 0, each factor 8 · σ′(0) = 2, so layer 1 gets 2³ = 8 times layer 4's gradient.
    await expect.poll(() => text(sentence)).toBe("Layer 1's δ is 8 times layer 4's: it explodes instead of vanishing.");
    // The post's anchor network stays on the fixed axis as outlines for comparison.
    expect(await island.locator('[data-chart="flow"] [data-ghost]').count()).toBe(4);
    expect(await page.evaluate(() => location.hash)).toContain('bi:-4');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('restores a shared hash, ignores garbage, and keeps several instances apart', async () => {
    const url = fullPage();
    const { context, page, problems } = await site.newPage();
    await page.goto(url);
    const first = page.locator('[data-island="gradient-flow"]').first();
    const id = (await first.getAttribute('id'))!;

    await page.goto(`${url}#${id}=d:6,a:relu,i:constant,n:1,w:0.1,bi:0,x:1`);
    await page.reload();
    await show(first);
    await expect.poll(() => first.locator('[data-chart="flow"] rect.vg-flow-bar').count()).toBe(6);
    expect(await first.getByLabel('Activation').inputValue()).toBe('relu');

    await page.goto(`${url}#${id}=d:banana,w:NaN,a:%3Cscript%3E,b:maybe&%%zz`);
    await page.reload();
    await show(first);
    const defaults = await (await fetch(url)).text();
    const depth = Number(/id="[^"]*-depth"[^>]*value="(\d+)"/.exec(defaults.slice(defaults.indexOf(`id="${id}"`)))?.[1]);
    expect(Number(await first.getByLabel('Depth').inputValue())).toBe(depth);

    const all = pages.get('gradient-flow')!;
    for (const candidate of all) {
      await page.goto(candidate);
      if ((await page.locator('[data-island="gradient-flow"]').count()) < 2) continue;
      const [a, b] = [page.locator('[data-island="gradient-flow"]').nth(0), page.locator('[data-island="gradient-flow"]').nth(1)];
      for (const l of [a, b]) await show(l);
      const bDepth = await b.getByLabel('Depth').inputValue();
      await a.getByLabel('Depth').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(`${await a.getAttribute('id')}=`);
      expect(await b.getByLabel('Depth').inputValue()).toBe(bDepth);
      await b.getByLabel('Batch norm').click();
      const [idA, idB] = [await a.getAttribute('id'), await b.getAttribute('id')];
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(`${idB}=`);
      expect(await page.evaluate(() => location.hash)).toContain(`${idA}=`);
      break;
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
