/**
 * The grader's command line (`npm run grade -- …`), a thin shell: the process
 * is wired in cli/process.ts, the flow is in cli/main.ts, the flags in
 * cli/args.ts, the folder walk in cli/walk.ts, the capped file reader in
 * cli/read-file.ts, GitHub Actions safety in cli/actions.ts, grading on
 * every core in cli/grade-files.ts (whose workers start this script again).
 * The only grader files that touch process or fs are under cli/.
 */
import module from 'node:module';

if (import.meta.main) {
  // Node keeps the modules it has compiled (and stripped of types) in its cache folder, so a
  // second run skips that work: about half of a one-file run. Set before the grader loads, so
  // the rest is imported after this line. Node 20 has no cache (grade.mjs runs there too).
  module.enableCompileCache?.();
  await (await import('./cli/process.ts')).runEntry(new URL(import.meta.url));
}
