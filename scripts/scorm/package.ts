/**
 * `npm run package:scorm`: the built site (dist/, or --dist DIR) as two SCORM
 * packages, SCORM 1.2 and SCORM 2004 4th edition, written into --out DIR
 * (dist-scorm/ by default), whose paths it prints. No network, no build: it
 * packs what `npm run build` made, with the course settings of that build.
 *
 * Each package is one SCO, the launch page scorm.html, which frames the
 * course's home page; every lesson and exercise is reachable inside it
 * (docs: content/guides/scorm.mdx says why one SCO and not five).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { manifestXml, type ScormVersion } from './manifest.ts';
import { rewriteCss, rewriteHtml, rewriteJs, type Rewriter } from './relative.ts';
import { writeZip, type ZipEntry } from './zip.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The launch page and its script, at the package root. */
export const LAUNCH_PAGE = 'scorm.html';
const LAUNCH_SCRIPT = 'scorm-launch.js';
/** Built files the LMS has no use for: the single-file grader is a Node program for instructors. */
const LEFT_OUT = new Set(['grade.mjs']);

export interface CourseSettings {
  title: string;
  passingScore: number;
  variants: boolean;
}

export interface BuiltPackage {
  version: ScormVersion;
  path: string;
  files: number;
  bytes: number;
}

/** The base the site was built with, read from its home page's stylesheet links ("/" or "/course/"). */
export function builtBase(indexHtml: string): string {
  const m = /<link\b[^>]*\bhref="([^"]*?)_astro\//.exec(indexHtml);
  if (!m) throw new Error('cannot tell the base path from index.html (no stylesheet under _astro/)');
  return m[1]!;
}

/** The settings the site was built with: dist/course.json when the build wrote one, else course.config.ts and the pages. */
async function courseSettings(dist: string): Promise<CourseSettings> {
  const json = join(dist, 'course.json');
  const { default: config } = (await import('../../course.config.ts')) as { default: CourseSettings };
  if (existsSync(json)) {
    const built = JSON.parse(readFileSync(json, 'utf8')) as Partial<CourseSettings>;
    return { ...config, ...built };
  }
  // COURSE_VARIANTS may have differed at build time: the exercise pages say what the build did.
  const exercises = join(dist, 'exercises');
  const page = readdirSync(exercises, { withFileTypes: true }).find((e) => e.isDirectory());
  const variants = page ? /data-variants="true"/.test(readFileSync(join(exercises, page.name, 'index.html'), 'utf8')) : config.variants;
  return { ...config, variants };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !LEFT_OUT.has(f))
    .sort();
}

/** The launch script: launch.ts and what it imports, bundled into one module. */
async function launchScript(): Promise<string> {
  const bundle = await rolldown({ input: join(ROOT, 'src/islands/scorm/launch.ts'), platform: 'browser', logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  return output[0].code;
}

/** The launch page: a status line and the course in a frame, under its own policy (no inline script). */
function launchPage(settings: CourseSettings, icon: string | undefined): string {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "frame-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const title = settings.title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en" data-passing="${settings.passingScore}">
<head>
<meta http-equiv="content-security-policy" content="${policy}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${icon ? `<link rel="icon" href="${icon}">\n` : ''}<style>
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
[data-launch-status] { margin: 0; padding: 0.5rem 1rem; background: #fff4d6; color: #3d2c00; border-bottom: 1px solid #c9a227; }
iframe { flex: 1; width: 100%; border: 0; }
</style>
</head>
<body>
<p data-launch-status role="status" hidden></p>
<iframe data-course data-start="index.html" title="${title}"></iframe>
<script type="module" src="${LAUNCH_SCRIPT}"></script>
</body>
</html>
`;
}

/** The package's files: the site with relative links, the launch page and its script. */
async function packageFiles(dist: string, settings: CourseSettings): Promise<ZipEntry[]> {
  const files = filesUnder(dist);
  const base = builtBase(readFileSync(join(dist, 'index.html'), 'utf8'));
  const known = new Set(files);
  const rewriter: Rewriter = { base, isFile: (path) => known.has(path) };
  const entries: ZipEntry[] = files.map((name) => {
    const raw = readFileSync(join(dist, name));
    const text = () => raw.toString('utf8');
    if (name.endsWith('.html')) return { name, data: Buffer.from(rewriteHtml(text(), name, rewriter)) };
    if (name.endsWith('.css')) return { name, data: Buffer.from(rewriteCss(text(), name, rewriter)) };
    if (name.endsWith('.js') || name.endsWith('.mjs')) return { name, data: Buffer.from(rewriteJs(text(), name, rewriter)) };
    return { name, data: raw };
  });
  const icon = known.has('favicon.svg') ? 'favicon.svg' : undefined;
  entries.push(
    { name: LAUNCH_PAGE, data: Buffer.from(launchPage(settings, icon)) },
    { name: LAUNCH_SCRIPT, data: Buffer.from(await launchScript()) },
  );
  return entries.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Writes the SCORM 1.2 and 2004 packages of the site in `dist` into `out`. */
export async function packageSite({
  dist,
  out,
}: {
  dist: string;
  out: string;
}): Promise<{ settings: CourseSettings; packages: BuiltPackage[] }> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No built site in ${dist}: run \`npm run build\` first.`);
  const settings = await courseSettings(dist);
  const files = await packageFiles(dist, settings);
  mkdirSync(out, { recursive: true });
  const packages: BuiltPackage[] = [];
  for (const version of ['1.2', '2004'] as const) {
    const manifest = manifestXml({
      version,
      identifier: `vanishing-gradients-scorm-${version}`,
      title: settings.title,
      launch: LAUNCH_PAGE,
      files: files.map((f) => f.name),
      passingPercent: settings.passingScore,
    });
    const zip = writeZip([{ name: 'imsmanifest.xml', data: Buffer.from(manifest) }, ...files]);
    const path = join(out, `vanishing-gradients-scorm-${version}.zip`);
    writeFileSync(path, zip);
    packages.push({ version, path, files: files.length + 1, bytes: zip.length });
  }
  return { settings, packages };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'dist-scorm' } } });
  const { settings, packages } = await packageSite({ dist: resolve(values.dist), out: resolve(values.out) });
  console.log(`Course settings of this build: passing score ${settings.passingScore}%, variants ${settings.variants ? 'on' : 'off'}.`);
  for (const p of packages) {
    const name = p.version === '1.2' ? 'SCORM 1.2' : 'SCORM 2004 4th edition';
    console.log(`${name}: ${p.path} (${p.files} files, ${(p.bytes / 1024 / 1024).toFixed(1)} MB)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
