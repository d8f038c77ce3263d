import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

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
};
