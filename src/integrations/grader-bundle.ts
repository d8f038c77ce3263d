/**
 * The single-file grader, `grade.mjs`: grader/cli.ts bundled by rolldown with
 * the yaml library inside, plain JavaScript for Node 20 or later, so a learner's
 * CI downloads one file instead of running `npm ci`. An Astro integration
 * writes it into the built site (dist/grade.mjs), published with the pages.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Plugin } from 'rolldown';
import { writeGradescopeBundle } from './gradescope-bundle.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BundleOptions {
  /** Where to write the bundle. */
  outFile: string;
  /**
   * The course settings the site is built with (settingsJson), kept inside the bundle so the published
   * grader grades as the published site shows; default: course.config.ts as it reads now.
   */
  settings?: string;
}

/** grader/cli/built-settings.ts, replaced by the build's settings. */
function builtSettings(settings: string): Plugin {
  return {
    name: 'course-settings-at-build',
    load(id) {
      if (!id.endsWith('/grader/cli/built-settings.ts')) return null;
      return `export const BUILT_SETTINGS = ${JSON.stringify(settings)};\n`;
    },
  };
}

/** The settings course.config.ts gives in this process (its COURSE_VARIANTS included), as dist/course.json writes them. */
export async function currentSettings(): Promise<string> {
  const [{ default: config }, { settingsJson }] = await Promise.all([import('../../course.config.ts'), import('../../course.schema.ts')]);
  return settingsJson(config);
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
      if (calls.length !== 1)
        throw new Error(
          `expected one 'var import_dist = require_dist();' in the bundle, found ${calls.length}; update lazyYaml in src/integrations/grader-bundle.ts`,
        );
      const name = calls[0]![1]!;
      const lazy = `var ${name} = new Proxy({}, { get: (_, key) => require_dist()[key] });`;
      return { code: code.replace(calls[0]![0], lazy), map: null };
    },
  };
}

/** Bundles the grader CLI into one ES module file. */
export async function bundleGrader(options: BundleOptions): Promise<void> {
  const settings = options.settings ?? (await currentSettings());
  const banner = [
    '#!/usr/bin/env node',
    '// Vanishing Gradients grader, one file (grader/cli.ts bundled with the yaml library).',
    '// Run with Node 20 or later: node grade.mjs submissions/ [--format text|json|junit|markdown|csv|canvas|moodle|gradescope] …; --help lists the options.',
    `// Grades with the course settings the site was built with: ${JSON.stringify(JSON.parse(settings))} (--variants, --no-variants or --course FILE override them).`,
  ].join('\n');
  await build({
    input: ENTRY,
    platform: 'node',
    cwd: ROOT,
    logLevel: 'warn',
    transform: { target: 'node20' },
    plugins: [entry(), builtSettings(settings), lazyYaml()],
    output: { file: options.outFile, format: 'esm', codeSplitting: false, minify: true, postBanner: banner },
  });
}

/** Writes grade.mjs beside the built pages. */
export function graderBundle(): AstroIntegration {
  let base = '/';
  return {
    name: 'vanishing-gradients:grade.mjs',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outFile = fileURLToPath(new URL('grade.mjs', dir));
        // One truth for the deployment: the settings the pages were built with, beside them and inside grade.mjs.
        const settings = await currentSettings();
        // The base path too, so `npm run preview` serves the pages where they were built to live (astro.config.mjs).
        writeFileSync(fileURLToPath(new URL('course.json', dir)), `${JSON.stringify({ ...JSON.parse(settings), base }, null, 2)}\n`);
        await bundleGrader({ outFile, settings });
        await writeGradescopeBundle({ dir: fileURLToPath(dir), graderFile: outFile });
        logger.info(
          `single-file grader written to ${outFile}, its settings to course.json, a Gradescope autograder to gradescope-autograder.zip`,
        );
      },
    },
  };
}
