// `npm run grade` starts here: grader/cli.ts in plain JavaScript, so Node
// turns on its compile cache before it reads any TypeScript. Stripping the
// types of the entry file (cli.ts) loads Node's TypeScript parser, about
// 200 ms, even when every other module then comes from the cache. Kept to
// these lines; anything more belongs in cli/process.ts.
import module from 'node:module';

module.enableCompileCache?.();
await (await import('./cli/process.ts')).runEntry(new URL(import.meta.url));
