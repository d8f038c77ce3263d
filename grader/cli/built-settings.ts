/**
 * The course settings the site was built with, as JSON text: undefined here,
 * and the build's settings inside grade.mjs (src/integrations/grader-bundle.ts
 * replaces this module), so the published grader grades as the published site
 * shows, whatever course.config.ts or COURSE_VARIANTS say where it runs.
 */
export const BUILT_SETTINGS: string | undefined = undefined;
