import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { LESSONS, findLesson } from '../course/manifest.ts';

/**
 * Starlight's docsLoader() only reads src/content/docs; the course keeps its
 * lessons and guides in the top-level content/ folder, so a glob loader feeds
 * Starlight's `docs` collection instead. Entry ids keep their folder, which
 * gives the public routes /lessons/<slug>/ and /guides/<slug>/.
 *
 * A lesson's title comes from course/manifest.ts, not from its frontmatter, so
 * the manifest is the one place that names and orders the lessons.
 */
function lessonsFromManifest(inner: Loader): Loader {
  // The manifest joins every entry's digest, so editing a title invalidates Astro's cached entries.
  const fingerprint = JSON.stringify(LESSONS);
  return {
    name: 'manifest-glob-loader',
    load: (context) =>
      inner.load({
        ...context,
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? data + fingerprint : data),
        parseData: (entry) => {
          const lesson = entry.id.startsWith('lessons/') ? findLesson(entry.id.slice('lessons/'.length)) : undefined;
          if (lesson && 'title' in entry.data) {
            throw new Error(`${entry.filePath}: a lesson's title lives in course/manifest.ts; remove "title" from its frontmatter.`);
          }
          return context.parseData(lesson ? { ...entry, data: { ...entry.data, title: lesson.title } } : entry);
        },
      }),
  };
}

export const collections = {
  docs: defineCollection({
    loader: lessonsFromManifest(glob({ base: './content', pattern: '**/*.{md,mdx}' })),
    schema: docsSchema(),
  }),
  // Starlight's UI strings (src/content/i18n/en.json), with the course's wording where its defaults do not fit.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
