/** Page-scoped data for the exercise pages' build-time components (Answer.astro); merges with src/components/locals.d.ts. */
declare namespace App {
  interface Locals {
    /** The current exercise's reference answers, formatted for display, by part id. */
    exerciseAnswers?: Readonly<Record<string, string>>;
  }
}
