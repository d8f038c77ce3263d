import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';

/**
 * Starlight's docsLoader() only reads src/content/docs; the course keeps its
 * lessons and guides in the top-level content/ folder, so a glob loader feeds
 * Starlight's `docs` collection instead. Entry ids keep their folder, which
 * gives the public routes /lessons/<slug>/ and /guides/<slug>/.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/*.{md,mdx}' }),
    schema: docsSchema(),
  }),
  // Starlight's UI strings (src/content/i18n/en.json), with the course's wording where its defaults do not fit.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
