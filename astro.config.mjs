// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { EXERCISES } from './exercises/index.ts';
import { GUIDES, LESSONS } from './course/manifest.ts';
import course from './course.config.ts';
import { graderBundle } from './src/integrations/grader-bundle.ts';
import { contentSecurityPolicy } from './src/integrations/csp.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { rehypeLayout } from './src/markdown/layout.ts';

/**
 * Deployment settings come from the environment so an instructor can build for
 * any static host, e.g. SITE_URL=https://example.edu BASE_PATH=/course/.
 */
const site = process.env.SITE_URL || undefined;
const base = normaliseBase(process.env.BASE_PATH ?? builtBase());

/**
 * `astro preview` serves dist/ under the base path it was built with (written into dist/course.json by the
 * build), so `npm run preview` after a BASE_PATH=/vg/ build serves /vg/ without setting BASE_PATH again.
 */
function builtBase() {
  if (!process.argv.includes('preview')) return undefined;
  try {
    const built = JSON.parse(readFileSync(new URL('./dist/course.json', import.meta.url), 'utf8'));
    return typeof built.base === 'string' ? built.base : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "course" or "/course/" → "/course"; empty → "/".
 * @param {string | undefined} raw
 */
function normaliseBase(raw) {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '/';
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  vite: {
    resolve: {
      // Starlight's search box loads Pagefind's UI on every page as soon as it is idle; this stand-in loads it
      // when the learner reaches for search (src/search/pagefind-on-demand.ts). Exact match: the stand-in
      // imports the package's own file by its full path.
      alias: [
        { find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/search/pagefind-on-demand.ts', import.meta.url)) },
      ],
    },
    build: {
      rolldownOptions: {
        // The engine and the exercises are pure by design (docs/decisions.md): a module there is kept only for
        // what is used from it. Without this, the training lab's island carried the trainer and the network
        // code it only calls at build time (initial-line.ts), about 4 KB gzip over the lesson's 40 KB budget.
        treeshake: { moduleSideEffects: (id) => !/[\\/](?:engine|exercises)[\\/][^?]*\.ts$/.test(id) },
      },
    },
  },
  markdown: {
    // Astro 7's default processor skips remark/rehype plugins: opt into unified.
    // KaTeX renders at build time; no KaTeX JavaScript reaches the browser.
    processor: unified({
      remarkPlugins: [remarkMath],
      // rehype-katex renders with the top-level katex (package.json `overrides`), the one whose stylesheet the pages load.
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }], rehypeLayout],
    }),
  },
  integrations: [
    // Before Starlight: its astro:build:done builds the search index from the pages this prepares.
    searchIndex(),
    starlight({
      // The course settings' title (course.config.ts): the header, every page's <title> and the home page's heading.
      title: course.title,
      description:
        'An interactive, autograded course on why deep sigmoid networks stop learning, and how ReLU, careful initialisation, batch norm and residual connections fix it.',
      customCss: [
        'katex/dist/katex.min.css',
        './src/styles/course.css',
        './src/styles/no-js-theme.css',
        './src/styles/deferred-rendering.css',
      ],
      routeMiddleware: './src/starlight-route.ts',
      // Lesson pages show their number, reading time and path under the title (course/manifest.ts).
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        // The theme select on a phone's home page, which has no sidebar menu to hold it.
        Header: './src/components/overrides/Header.astro',
      },
      // Starlight's theme script builds a CSS selector from the stored theme; an edited value such as
      // `x"]` would throw on every page. This runs first (head before body) and drops unknown values.
      head: [
        {
          tag: 'script',
          content:
            "try{var t=localStorage.getItem('starlight-theme');if(t!==null&&['','auto','light','dark'].indexOf(t)<0)localStorage.removeItem('starlight-theme')}catch(e){}",
        },
      ],
      // From course/manifest.ts, the one list of lessons (Starlight's `autogenerate` only looks under
      // src/content/docs, and our glob loader reads content/). Starlight's previous/next links follow this order.
      // The guides come before the exercises: the learners' guide explains the answer formats the exercises use.
      sidebar: [
        {
          label: 'Lessons',
          items: LESSONS.map((lesson, number) => ({ slug: `lessons/${lesson.slug}`, label: `${number}. ${lesson.label}` })),
        },
        { label: 'Guides', items: GUIDES.map((slug) => ({ slug: `guides/${slug}` })) },
        {
          label: 'Test your understanding',
          // The five exercises by name, so the current one is highlighted in the sidebar.
          items: [
            { label: 'All exercises', link: '/exercises/' },
            ...EXERCISES.map((exercise, i) => ({ label: `${i + 1}. ${exercise.title}`, link: `/exercises/${exercise.id}/` })),
          ],
        },
        { label: 'Glossary', slug: 'glossary' },
      ],
    }),
    mdx(),
    preact(),
    // grade.mjs, the single-file grader, published beside the pages.
    graderBundle(),
    contentSecurityPolicy(),
  ],
});
