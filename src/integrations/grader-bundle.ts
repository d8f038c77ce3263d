/**
 * The single-file grader, `grade.mjs`: grader/cli.ts bundled by rolldown with
 * the yaml library inside, plain JavaScript for Node 20 or later, so a learner's
 * CI downloads one file instead of running `npm ci`. An Astro integration
 * writes it into the built site (dist/grade.mjs), published with the pages.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Plugin } from 'rolldown';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BundleOptions {
  /** Where to write the bundle. */
  outFile: string;
  /**
   * The course's variants setting at build time (COURSE_VARIANTS), kept as the
   * bundle's default so the published grader grades as the published site
   * shows; COURSE_VARIANTS at run time still overrides it.
   */
  variants?: string;
}

/**
 * course.config.ts reads COURSE_VARIANTS when it is loaded; in the bundle an
 * unset variable falls back to the value the site was built with.
 */
function courseSetting(variants: string | undefined): Plugin {
  return {
    name: 'course-variants-at-build',
    transform(code, id) {
      if (!id.endsWith('/course.config.ts') || !variants) return null;
      const read = 'process.env.COURSE_VARIANTS';
      if (!code.includes(read)) throw new Error(`course.config.ts no longer reads ${read}; update src/integrations/grader-bundle.ts`);
      return code.replaceAll(read, `(${read} || ${JSON.stringify(variants)})`);
    },
  };
}

/**
 * The bundle's entry: what grader/cli.ts runs, imported statically. cli.ts
 * imports it dynamically, after turning on Node's compile cache (which a
 * single file does not need); a dynamic import would make rolldown wrap every
 * module in a lazy initialiser. As in cli.ts, a worker thread started to
 * grade part of a large class runs the same file and grades its chunks.
 */
const ENTRY = '\0grade.mjs';

function entry(): Plugin {
  const source = `import { runEntry } from ${JSON.stringify(`${ROOT}grader/cli/process.ts`)};\nawait runEntry(new URL(import.meta.url));\n`;
  return {
    name: 'grade-mjs-entry',
    resolveId: (id) => (id === ENTRY ? ENTRY : null),
    load: (id) => (id === ENTRY ? source : null),
  };
}

/**
 * The YAML library is needed only for a file the fast readers (json.ts,
 * yaml-lite.ts) hand over, yet evaluating it costs every run about a tenth
 * of the 200 ms start-up budget. Rolldown wraps the library (CommonJS) in a
 * function and calls it once at the top of the bundle; this defers that call
 * to the first use of the namespace (every use is a property read of it),
 * so grading a JSON or plain YAML file never evaluates it. If rolldown ever
 * emits the call differently, the build fails here rather than silently
 * losing the saving.
 */
function lazyYaml(): Plugin {
  return {
    name: 'lazy-yaml',
    renderChunk(code) {
      const calls = [...code.matchAll(/^var (import_dist\w*) = require_dist\(\);$/gm)];
      if (calls.length !== 1) throw new Error(`expected one 'var import_dist = require_dist();' in the bundle, found ${calls.length}; update lazyYaml in src/integrations/grader-bundle.ts`);
      const name = calls[0]![1]!;
      const lazy = `var ${name} = new Proxy({}, { get: (_, key) => require_dist()[key] });`;
      return { code: code.replace(calls[0]![0], lazy), map: null };
    },
  };
}

/** Bundles the grader CLI into one ES module file. */
export async function bundleGrader(options: BundleOptions): Promise<void> {
  const variants = options.variants?.trim() || undefined;
  const banner = [
    '#!/usr/bin/env node',
    '// Vanishing Gradients grader, one file (grader/cli.ts bundled with the yaml library).',
    '// Run with Node 20 or later: node grade.mjs answers.yaml [--format text|json|junit|markdown|csv] …; --help lists the options.',
    ...(variants ? [`// Built with COURSE_VARIANTS=${variants}; set COURSE_VARIANTS when running to override it.`] : []),
  ].join('\n');
  await build({
    input: ENTRY,
    platform: 'node',
    cwd: ROOT,
    logLevel: 'warn',
    transform: { target: 'node20' },
    plugins: [entry(), courseSetting(variants), lazyYaml()],
    output: { file: options.outFile, format: 'esm', codeSplitting: false, minify: true, postBanner: banner },
  });
}

/** Writes grade.mjs beside the built pages. */
export function graderBundle(): AstroIntegration {
  return {
    name: 'vanishing-gradients:grade.mjs',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outFile = fileURLToPath(new URL('grade.mjs', dir));
        await bundleGrader({ outFile, variants: process.env.COURSE_VARIANTS });
        logger.info(`single-file grader written to ${outFile}`);
      },
    },
  };
}
