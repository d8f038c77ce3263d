/**
 * Starlight route middleware (astro.config.mjs `routeMiddleware`): adjusts each
 * page's route data before it renders.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import katexMain from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?url';
import katexMath from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?url';

/**
 * The two KaTeX faces nearly every formula uses (upright and italic maths);
 * together about 42 KB. Fetched from the start of the page rather than after
 * the stylesheet has been read and the text laid out, so they are there when
 * the maths is first drawn instead of reflowing it (layout shift) later.
 */
const MATH_FONTS = [katexMain, katexMath];

/** Whether a page may show maths: its MDX has $…$ or <Tex>, or it is an exercise (whose prompt MDX the route data does not carry). */
const mayShowMaths = (route: StarlightRouteData, path: string): boolean =>
  /\$|<Tex\b/.test(route.entry.body ?? '') || /\/exercises\/[^/]+\/$/.test(path);

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  // The home page is titled after the course (course.config.ts's title, Starlight's site title), whatever its
  // frontmatter says; Starlight titles every page "<page> | <site>", which there would say the title twice.
  if (route.id === '') {
    route.entry.data.title = route.siteTitle;
    if (route.entry.data.hero) route.entry.data.hero.title = route.siteTitle;
    const title = route.head.find((tag) => tag.tag === 'title');
    if (title) title.content = route.siteTitle;
    const ogTitle = route.head.find((tag) => tag.tag === 'meta' && tag.attrs?.property === 'og:title');
    if (ogTitle?.attrs) ogTitle.attrs.content = route.siteTitle;
  }
  if (mayShowMaths(route, context.url.pathname)) {
    for (const href of MATH_FONTS) {
      route.head.push({ tag: 'link', attrs: { rel: 'preload', href, as: 'font', type: 'font/woff2', crossorigin: '' }, content: '' });
    }
  }
});
