/**
 * The built site, read back as HTML: every lesson and guide exists, math is
 * rendered by KaTeX with no TeX left in the text, the trace tables print the
 * engine's numbers (and agree with the post's table to its printed digits),
 * the measuring lesson shows what `npm run trace` prints, figures carry text
 * alternatives and data tables, and every link respects the base path.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorNetwork, traceChain, type BackwardOptions, type ChainSpec } from '../../engine/chain.ts';
import { traceReport } from '../../examples/trace.ts';
import { TAG, buildSite, decode, mainOf, parsePrinted, readPage, sigFigs, traceCells, visibleText, type BuiltSite } from './html.ts';

const LESSONS = ['symptom', 'sigmoid', 'forward-pass', 'backward-pass', 'measuring', 'training', 'fixes', 'limits', 'test-yourself'];
const GUIDES = ['for-learners', 'for-instructors'];
const ROUTES = ['', ...LESSONS.map((s) => `lessons/${s}/`), ...GUIDES.map((s) => `guides/${s}/`)];

/** A printed number may differ from the exact value by half a unit in its last printed digit. */
const ROUNDING = (text: string) => 0.5 * 10 ** (1 - sigFigs(text)) * (1 + 1e-9);

let site: BuiltSite;
beforeAll(() => {
  site = buildSite();
}, 300_000);
afterAll(() => {
  if (site?.temporary) rmSync(site.dir, { recursive: true, force: true });
});

describe('routes', () => {
  it.each(ROUTES)('/%s is built', (route) => {
    expect(existsSync(join(site.dir, route, 'index.html'))).toBe(true);
  });
});

describe('math', () => {
  it.each(LESSONS)('lessons/%s/ renders its math with KaTeX and leaves no TeX in the text', (slug) => {
    const html = mainOf(readPage(site, `lessons/${slug}/`));
    // KaTeX's root element (short inline formulas also carry vg-nowrap, src/markdown/layout.ts).
    expect(html).toMatch(/class="katex[ "]/);
    const text = visibleText(html);
    expect(text).not.toContain('$');
    expect(text).not.toMatch(/\\(?:frac|sigma|delta|cdot|partial|eta|tfrac|operatorname|times|begin|mathbb)\b/);
  });
});

/** The engine's value for a trace-table cell. */
function engineValue(spec: ChainSpec, options: BackwardOptions, layer: number, column: string): number | undefined {
  const { forward, backward } = traceChain(spec, options);
  const k = layer - 1;
  const values: Record<string, number | undefined> = {
    z: forward.layers[k]?.z,
    a: forward.layers[k]?.a,
    df: forward.layers[k]?.df,
    delta: backward.deltas[k],
    grad: backward.weightGrads[k],
    update: backward.updates[k],
    factor: backward.stepFactors[k],
  };
  return values[column];
}

/** Checks every numeric cell of a parsed trace table against the engine. */
function expectTableMatchesEngine(cells: ReturnType<typeof traceCells>[number], spec: ChainSpec, options: BackwardOptions) {
  expect(cells.size).toBe(spec.layers.length);
  let checked = 0;
  for (const [layer, row] of cells) {
    for (const [column, text] of row) {
      const exact = engineValue(spec, options, layer, column);
      if (exact === undefined) {
        expect(text).toBe('—');
        continue;
      }
      const printed = parsePrinted(text);
      expect(printed, `layer ${layer}, ${column}: "${text}"`).not.toBeNaN();
      expect(sigFigs(text), `layer ${layer}, ${column}: "${text}" has too few figures`).toBeGreaterThanOrEqual(3);
      if (exact === 0) expect(printed).toBe(0);
      else expect(Math.abs(printed / exact - 1), `layer ${layer}, ${column}: "${text}" vs ${exact}`).toBeLessThanOrEqual(ROUNDING(text));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

describe('trace tables print the engine’s numbers', () => {
  const anchor = anchorNetwork();
  const blog: BackwardOptions = { convention: { kind: 'blog' }, learningRate: 0.01 };

  it('forward pass', () => {
    const [table] = traceCells(readPage(site, 'lessons/forward-pass/'), 'blog');
    expectTableMatchesEngine(table!, anchor, blog);
  });

  it('backward pass, blog convention and real backprop (BCE, y = 1)', () => {
    const html = readPage(site, 'lessons/backward-pass/');
    expectTableMatchesEngine(traceCells(html, 'blog')[0]!, anchor, blog);
    expectTableMatchesEngine(traceCells(html, 'loss')[0]!, anchor, { convention: { kind: 'loss', loss: 'bce', y: 1 }, learningRate: 0.01 });
  });

  it('fixes: the anchor network with ReLU, and with residual connections', () => {
    const [relu, residual] = traceCells(readPage(site, 'lessons/fixes/'), 'blog');
    expectTableMatchesEngine(relu!, anchorNetwork({ activation: 'relu' }), { convention: { kind: 'blog' } });
    expectTableMatchesEngine(residual!, anchorNetwork({ residual: true }), { convention: { kind: 'blog' } });
  });

  it('the backward-pass table agrees with the post’s trace table to the digits the post prints', () => {
    // The post's table (layer: z, σ(z), σ′(z), δ), an oracle independent of the engine.
    const post: Record<number, [string, string, string, string]> = {
      4: ['0.0513', '0.513', '0.250', '1.000'],
      3: ['0.0513', '0.513', '0.250', '0.025'],
      2: ['0.0525', '0.513', '0.250', '6.25 × 10⁻⁴'],
      1: ['0.1', '0.525', '0.249', '1.56 × 10⁻⁵'],
    };
    const table = traceCells(readPage(site, 'lessons/backward-pass/'), 'blog')[0]!;
    for (const [layer, values] of Object.entries(post)) {
      const row = table.get(Number(layer))!;
      (['z', 'a', 'df', 'delta'] as const).forEach((column, i) => {
        const ours = row.get(column)!;
        const theirs = values[i]!;
        const tolerance = ROUNDING(theirs === '0.1' ? '0.100' : theirs) + ROUNDING(ours);
        expect(Math.abs(parsePrinted(ours) / parsePrinted(theirs) - 1), `layer ${layer} ${column}: ${ours} vs the post's ${theirs}`).toBeLessThanOrEqual(tolerance);
      });
    }
  });
});

describe('the measuring lesson', () => {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const codeText = () =>
    squash(decode([...readPage(site, 'lessons/measuring/').matchAll(/<pre\b[\s\S]*?<\/pre>/g)].map((m) => m[0].replace(TAG, ' ')).join('\n')));

  it('shows exactly what `npm run trace` prints, in both conventions', () => {
    const shown = codeText();
    for (const report of [traceReport(), traceReport({ convention: 'blog' })]) {
      for (const line of report.split('\n').filter((l) => l.trim())) expect(shown).toContain(squash(line));
    }
  });

  it('prints the post’s code-convention figures (3.89e-07, 2.50e-02, 64,247x)', () => {
    const shown = codeText();
    for (const figure of ['δ=3.89e-07', 'δ=2.50e-02', '64,247x']) expect(shown).toContain(figure);
  });
});

describe('engine numbers in the prose', () => {
  it.each(LESSONS)('lessons/%s/: every <Num> prints its value to its printed digits', (slug) => {
    const html = mainOf(readPage(site, `lessons/${slug}/`));
    for (const m of html.matchAll(/<span class="vg-num" data-value="([^"]+)">([^<]*)<\/span>/g)) {
      const value = Number(m[1]);
      const text = m[2]!.replace(/[×%]$|[x×%]$/u, '').trim();
      const printed = parsePrinted(text);
      if (value === 0) expect(printed).toBe(0);
      else expect(Math.abs(printed / value - 1), `"${m[2]}" for ${value}`).toBeLessThanOrEqual(ROUNDING(text));
    }
  });
});

describe('figures and links', () => {
  it.each(ROUTES)('/%s: every image has a text alternative, every figure a caption and its data', (route) => {
    const html = mainOf(readPage(site, route));
    for (const m of html.matchAll(/<svg\b[^>]*role="img"[^>]*>/g)) {
      if (/aria-label="[^"]+"/.test(m[0])) continue;
      const ids = /aria-labelledby="([^"]+)"/.exec(m[0])?.[1]?.split(' ') ?? [];
      expect(ids.length, m[0]).toBeGreaterThan(0);
      for (const id of ids) expect(html).toMatch(new RegExp(`id="${id}"[^>]*>[^<]+<`));
    }
    for (const figure of html.matchAll(/<figure class="vg-figure[^"]*">([\s\S]*?)<\/figure>/g)) {
      expect(figure[1]).toMatch(/<figcaption>[^<]+/);
      if (figure[1]!.includes('vg-chart__series')) expect(figure[1]).toMatch(/<details class="vg-figure__data">[\s\S]*<table/);
    }
  });

  it.each(ROUTES)('/%s: every link in the content respects the base path and leads to a built page', (route) => {
    const html = mainOf(readPage(site, route));
    const pageUrl = new URL(`${site.base}${route}`, 'https://example.edu');
    for (const m of html.matchAll(/<a\b[^>]*href="([^"]+)"/g)) {
      const href = decode(m[1]!);
      if (/^(?:[a-z]+:|#)/i.test(href)) continue;
      const url = new URL(href, pageUrl);
      expect(url.pathname.startsWith(site.base), `${href} on /${route} escapes the base ${site.base}`).toBe(true);
      const path = url.pathname.slice(site.base.length);
      const file = path === '' || path.endsWith('/') ? join(site.dir, path, 'index.html') : join(site.dir, path);
      expect(existsSync(file), `${href} on /${route} leads to nothing`).toBe(true);
    }
  });
});
