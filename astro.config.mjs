// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

/**
 * Deployment settings come from the environment so an instructor can build for
 * any static host, e.g. SITE_URL=https://example.edu BASE_PATH=/course/.
 */
const site = process.env.SITE_URL || undefined;
const base = normaliseBase(process.env.BASE_PATH);

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
  markdown: {
    // Astro 7's default processor skips remark/rehype plugins: opt into unified.
    // KaTeX renders at build time; no KaTeX JavaScript reaches the browser.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }]],
    }),
  },
  integrations: [
    starlight({
      title: 'Vanishing Gradients',
      description:
        'An interactive, autograded course on why deep sigmoid networks stop learning, and how ReLU, careful initialisation, batch norm and residual connections fix it.',
      customCss: ['katex/dist/katex.min.css', './src/styles/course.css'],
      sidebar: [
        { label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] },
        {
          label: 'Test your understanding',
          items: [{ label: 'All exercises', link: '/exercises/' }],
        },
        { label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] },
      ],
    }),
    mdx(),
    preact(),
  ],
});
