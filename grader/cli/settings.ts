/**
 * Which course settings a grading run uses: one truth per deployment. In
 * order: --course FILE (a course.json); the settings grade.mjs was built
 * with; the checkout's last build (dist/course.json); else course.config.ts.
 * A run in the checkout whose course.config.ts (with COURSE_VARIANTS) says
 * otherwise than the last build gets a note, and so does a COURSE_VARIANTS
 * that a build's settings overrule.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsFromJson, settingsJson, type CourseConfig } from '../../course.schema.ts';
import { BUILT_SETTINGS } from './built-settings.ts';
import { readCapped } from './read-file.ts';
import { CLI } from './help-text.ts';

/** The settings used and where they came from (for notes). */
export interface Settings {
  config: CourseConfig;
  source: 'course-file' | 'built' | 'last-build' | 'config';
}

/** The checkout's last build's settings, beside the pages it built. */
const LAST_BUILD = fileURLToPath(new URL('../../dist/course.json', import.meta.url));
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** The settings for this run and its notes, or the error that stops it (exit code 2). */
export async function loadSettings(options: {
  courseFile?: { given: string; path: string };
  env: NodeJS.ProcessEnv;
}): Promise<{ settings: Settings; notes: string[] } | { error: string }> {
  const notes: string[] = [];
  const envVariants = options.env.COURSE_VARIANTS?.trim();
  const overruled = (config: CourseConfig, where: string): void => {
    if ((envVariants === 'on' || envVariants === 'off') && (envVariants === 'on') !== config.variants)
      notes.push(CLI.envOverruled(envVariants, config.variants, where));
  };
  try {
    if (options.courseFile) {
      const read = readCapped(options.courseFile.path, MAX_SETTINGS_BYTES);
      if (!read.ok) return { error: CLI.courseUnreadable(options.courseFile.given, read.reason === 'error' ? read.detail : read.reason) };
      const config = settingsFromJson(new TextDecoder().decode(read.bytes));
      overruled(config, options.courseFile.given);
      return { settings: { config, source: 'course-file' }, notes };
    }
    if (BUILT_SETTINGS !== undefined) {
      const config = settingsFromJson(BUILT_SETTINGS);
      overruled(config, 'grade.mjs');
      return { settings: { config, source: 'built' }, notes };
    }
    const own = (await import('../../course.config.ts')).default;
    if (existsSync(LAST_BUILD)) {
      const read = readCapped(LAST_BUILD, MAX_SETTINGS_BYTES);
      if (read.ok) {
        const config = settingsFromJson(new TextDecoder().decode(read.bytes));
        if (settingsJson(config) !== settingsJson(own)) notes.push(CLI.lastBuildDiffers);
        return { settings: { config, source: 'last-build' }, notes };
      }
    }
    return { settings: { config: own, source: 'config' }, notes };
  } catch (error) {
    return { error: CLI.badConfig(error instanceof Error ? error.message : String(error)) };
  }
}
