/** Page-scoped data that build-time components read (see Param.astro). */
declare namespace App {
  interface Locals {
    /** Display strings of the current exercise's parameters, by name: exercise.display(params). */
    exerciseParams?: Readonly<Record<string, string>>;
  }
}
