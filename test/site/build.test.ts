/**
 * The built site, read back as HTML: every lesson, guide and the glossary
 * exist, math is rendered by KaTeX with no TeX left in the text, the trace
 * tables print the engine's numbers (and agree with the post's table to its
 * printed digits), the measuring lesson shows the engine's output of the
 * corrected program, the notation table and audit boxes are where the
 * course promises, glossary terms link and describe themselves, figures
 * carry text alternatives and data tables, and every link respects the base path.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDES, LESSONS as LESSONS_LISTED } from '../../course/manifest.ts';
import { anchorNetwork, traceChain, type BackwardOptions, type ChainSpec } from '../../engine/chain.ts';
import { fixed, grouped, sci } from '../../examples/trace.ts';
import { enginePrintout } from '../../src/lesson-data/measuring.ts';
import { notation } from '../../src/lesson-data/anchor.ts';
import { GLOSSARY } from '../../src/lesson-data/glossary.ts';
import { TAG, buildSite, decode, mainOf, parsePrinted, readPage, sigFigs, traceCells, visibleText, type BuiltSite } from './html.ts';

const LESSONS = LESSONS_LISTED.map((l) => l.slug);
const ROUTES = ['', 'glossary/', ...LESSONS.map((s) => `lessons/${s}/`), ...GUIDES.map((s) => `guides/${s}/`)];

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

  it('backward pass: real backprop (BCE, y = 1) in the main line, the post’s measure in the audit box', () => {
    const html = readPage(site, 'lessons/backward-pass/');
    const real = traceCells(html, 'loss');
    expect(real.length).toBe(2);
    for (const table of real)
      expectTableMatchesEngine(table, anchor, { convention: { kind: 'loss', loss: 'bce', y: 1 }, learningRate: 0.01 });
    expectTableMatchesEngine(traceCells(html, 'blog')[0]!, anchor, blog);
    // The post's measure only inside an audit box: the main line uses δ = ∂L/∂z.
    const audit = [...mainOf(html).matchAll(/<details class="vg-audit[^"]*"[^>]*>[\s\S]*?<\/details>/g)].map((m) => m[0]).join('');
    expect(audit).toContain('data-convention="blog"');
  });

  it('fixes: the anchor network with ReLU in the course’s δ, and with residual connections in ∂a₄/∂aₖ', () => {
    const html = readPage(site, 'lessons/fixes/');
    const real: BackwardOptions = { convention: { kind: 'loss', loss: 'bce', y: 1 } };
    expectTableMatchesEngine(traceCells(html, 'loss')[0]!, anchorNetwork({ activation: 'relu' }), real);
    // The +1 acts on ∂L/∂a, so the residual table shows ∂a₄/∂aₖ, whose factor is exactly 1 + w·σ′.
    expectTableMatchesEngine(traceCells(html, 'blog')[0]!, anchorNetwork({ residual: true }), { convention: { kind: 'blog' } });
  });

  it('every trace table runs layer 1 first, and labels its step factor as the one from layer k+1 to k', () => {
    // Every lesson of the manifest: a lesson added with a trace table is held to the same order.
    const withTables = new Set<string>();
    for (const slug of LESSONS) {
      const html = readPage(site, `lessons/${slug}/`);
      for (const table of html.matchAll(/<table class="vg-datatable vg-trace"[\s\S]*?<\/table>/g)) {
        withTables.add(slug);
        const layers = [...table[0].matchAll(/<tr data-layer="(\d+)"/g)].map((m) => Number(m[1]));
        expect(layers, slug).toEqual([...layers].sort((a, b) => a - b));
        if (table[0].includes('data-column="factor"')) expect(decode(table[0])).toContain('factor from layer k+1 to k');
      }
    }
    // The forward pass, the backward pass and the fixes print the anchor network's trace.
    for (const slug of ['forward-pass', 'backward-pass', 'fixes']) expect(withTables).toContain(slug);
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
        expect(
          Math.abs(parsePrinted(ours) / parsePrinted(theirs) - 1),
          `layer ${layer} ${column}: ${ours} vs the post's ${theirs}`,
        ).toBeLessThanOrEqual(tolerance);
      });
    }
  });
});

describe('the measuring lesson', () => {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const codeText = () =>
    squash(
      decode([...readPage(site, 'lessons/measuring/').matchAll(/<pre\b[\s\S]*?<\/pre>/g)].map((m) => m[0].replace(TAG, ' ')).join('\n')),
    );

  it('shows the corrected program’s output as the engine computes it', () => {
    const shown = codeText();
    const printout = enginePrintout({ fixed, sci, grouped });
    for (const line of printout.split('\n').filter((l) => l.trim())) expect(shown).toContain(squash(line));
    // Oracle: the post's trace table, to the digits it prints, and the exact ratio 64,128.
    for (const figure of ['Layer1:1.56e-05', 'Layer3:2.50e-02', 'Layer4:1.00e+00', '64,128x']) expect(shown).toContain(figure);
  });

  it('audits the post’s printout against the program as written (3.89e-07, 64,247x) in a folded box', () => {
    const html = mainOf(readPage(site, 'lessons/measuring/'));
    const audit = /<details class="vg-audit[^"]*"[^>]*>[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
    const text = visibleText(audit);
    for (const figure of ['3.89e-07', '64,247x', '64,103x']) expect(text).toContain(figure);
  });

  it('gives no command-line instructions: those live in the guides', () => {
    const text = visibleText(mainOf(readPage(site, 'lessons/measuring/')));
    expect(text).not.toMatch(/npm run|npx /);
    expect(readPage(site, 'guides/for-learners/')).toContain('npm run trace');
  });

  it('renders the trace explorer’s first frame at build time: the post’s network', () => {
    const html = readPage(site, 'lessons/measuring/');
    const island = html.slice(html.indexOf('data-island="trace-explorer"'));
    const table = island.slice(0, island.indexOf('</table>'));
    expect([...table.matchAll(/<tr data-layer="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4]);
    expect(decode(table)).toContain('1.56 × 10⁻⁵');
  });
});

describe('one notation', () => {
  it('the backward-pass lesson states it once, in a table with the engine’s layer-1 values', () => {
    const html = mainOf(readPage(site, 'lessons/backward-pass/'));
    const tables = [...html.matchAll(/<table class="vg-datatable vg-notation[^"]*" data-table="notation"[\s\S]*?<\/table>/g)];
    expect(tables.length).toBe(1);
    const values = [...tables[0]![0].matchAll(/<td data-value="([^"]+)"[^>]*>([^<]*)<\/td>/g)];
    expect(values.map((m) => Number(m[1]))).toEqual([notation.course.value, notation.table.value, notation.program.value]);
    for (const m of values) expect(Math.abs(parsePrinted(m[2]!) / Number(m[1]) - 1)).toBeLessThanOrEqual(ROUNDING(m[2]!));
    expect(visibleText(tables[0]![0])).toContain('How the loss responds to layer k’s pre-activation');
  });

  it('no other page carries the table', () => {
    for (const route of ROUTES.filter((r) => r !== 'lessons/backward-pass/'))
      expect(readPage(site, route)).not.toContain('data-table="notation"');
  });
});

describe('audit boxes', () => {
  it.each(LESSONS)('lessons/%s/: every “Audit the post” box is folded and labelled', (slug) => {
    const html = mainOf(readPage(site, `lessons/${slug}/`));
    for (const m of html.matchAll(/<details class="vg-audit[^"]*"([^>]*)>\s*<summary[^>]*>([\s\S]*?)<\/summary>/g)) {
      expect(m[1]).not.toMatch(/\bopen\b/);
      expect(visibleText(m[2]!)).toContain('Audit the post');
    }
  });

  it('the seven numbers for one ratio sit in the backward-pass lesson’s audit box, not in its main line', () => {
    const html = mainOf(readPage(site, 'lessons/backward-pass/'));
    // Islands and checkpoints are left out: their readouts and hidden answers are theirs, not the lesson's text.
    const main = visibleText(
      html
        .replace(/<details class="vg-audit[\s\S]*?<\/details>/g, ' ')
        .replace(/<astro-island\b[\s\S]*?<\/astro-island>/g, ' ')
        .replace(/<vg-checkpoint\b[\s\S]*?<\/vg-checkpoint>/g, ' '),
    );
    for (const figure of ['64,000', '64,103', '64,128', '160,000', '160,200']) expect(main).not.toContain(figure);
  });
});

describe('glossary terms', () => {
  const ids = new Set(GLOSSARY.map((e) => e.id));

  it('the glossary page defines every entry, each with an anchor', () => {
    const html = mainOf(readPage(site, 'glossary/'));
    for (const id of ids) expect(html).toMatch(new RegExp(`<dt[^>]*\\bid="${id}"`));
  });

  it.each(['', ...LESSONS.map((s) => `lessons/${s}/`)])(
    '/%s: each term links to its entry once, with its definition tied by aria-describedby',
    (route) => {
      const html = mainOf(readPage(site, route));
      const seen = new Set<string>();
      for (const m of html.matchAll(/<a class="vg-term__link[^"]*" href="([^"]+)" aria-describedby="([^"]+)" data-term="([^"]+)"/g)) {
        const [, href, tip, id] = m;
        expect(ids.has(id!), id).toBe(true);
        expect(`${new URL(href!, `https://example.edu${site.base}${route}`).pathname}#${id}`).toBe(`${site.base}glossary/#${id}`);
        expect(href!.endsWith(`glossary/#${id}`)).toBe(true);
        expect(seen.has(id!), `${id} linked twice on /${route}`).toBe(false);
        seen.add(id!);
        expect(html).toMatch(new RegExp(`role="tooltip" id="${tip}"[^>]*>[^<]*<strong[^>]*>`));
      }
      if (route.startsWith('lessons/') && route !== 'lessons/test-yourself/') expect(seen.size).toBeGreaterThan(0);
    },
  );
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

describe('the training lab before its first epoch', () => {
  it('shows each network at epoch 0 in the loss and accuracy charts, without JavaScript (a one-point line draws nothing)', () => {
    const html = readPage(site, 'lessons/training/');
    for (const chart of ['loss', 'accuracy']) {
      const svg = new RegExp(`<svg[^>]*data-chart="${chart}"[^>]*>([\\s\\S]*?)</svg>`).exec(html)?.[1] ?? '';
      expect(svg.match(/<circle[^>]*data-latest/g), chart).toHaveLength(2);
    }
  });
});

describe('comparisons', () => {
  it('every <Compare> prints the word its two numbers call for, and the factor between them', () => {
    let seen = 0;
    for (const route of ROUTES) {
      const html = readPage(site, route);
      for (const m of html.matchAll(
        /<span class="vg-claim" data-claim="(\w+)" data-value="([^"]+)" data-to="([^"]+)">(?:<span class="vg-num" data-value="[^"]+">([^<]+))?/g,
      )) {
        const [order, a, b, printed] = [m[1], Math.abs(Number(m[2])), Math.abs(Number(m[3])), m[4]];
        const times = Math.max(a / b, b / a);
        expect(order, route).toBe(times < 1.05 ? 'tie' : a > b ? 'larger' : 'smaller');
        if (order !== 'tie') expect(Math.abs(parsePrinted(printed!) / times - 1), route).toBeLessThan(0.05);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(10);
  });
});
