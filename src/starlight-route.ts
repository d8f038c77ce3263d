/**
 * Starlight route middleware (astro.config.mjs `routeMiddleware`): adjusts each
 * page's route data before it renders.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/**
 * Starlight titles every page "<page> | <site>"; a page titled after the site
 * (the home page) would read "Vanishing Gradients | Vanishing Gradients".
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.entry.data.title.trim() !== route.siteTitle.trim()) return;
  const title = route.head.find((tag) => tag.tag === 'title');
  if (title) title.content = route.siteTitle;
});
