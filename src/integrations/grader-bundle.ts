/**
 * The single-file grader, `grade.mjs`: grader/cli.ts bundled by rolldown with
 * yaml and zod inside, plain JavaScript for Node 20 or later, so a learner's
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

/** Bundles the grader CLI into one ES module file. */
export async function bundleGrader(options: BundleOptions): Promise<void> {
  const variants = options.variants?.trim() || undefined;
  const banner = [
    '#!/usr/bin/env node',
    '// Vanishing Gradients grader, one file (grader/cli.ts bundled with yaml and zod).',
    '// Run with Node 20 or later: node grade.mjs answers.yaml [--format text|json|junit|markdown|csv] …; --help lists the options.',
    ...(variants ? [`// Built with COURSE_VARIANTS=${variants}; set COURSE_VARIANTS when running to override it.`] : []),
  ].join('\n');
  await build({
    input: `${ROOT}grader/cli.ts`,
    platform: 'node',
    cwd: ROOT,
    logLevel: 'warn',
    // The CLI runs itself when it is the main module; in the bundle it always is (and Node 20 has no import.meta.main).
    transform: { define: { 'import.meta.main': 'true' }, target: 'node20' },
    plugins: [courseSetting(variants)],
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
