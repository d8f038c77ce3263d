/**
 * Markdown text that renders literally, for a table cell or a list item:
 * control and bidi characters shown as code points, HTML and Markdown syntax
 * escaped. `mdText` also prevents autolinks (GitHub links bare https://, www.
 * and e-mail addresses, so a zero-width space breaks each pattern; a learner
 * cannot put a link in the instructor's summary); a learner's own feedback
 * file, which shows them their own text, uses `mdLiteral` and reads cleanly.
 */
import { visible } from './visible.ts';

/** Literal Markdown: escaped, on one line. */
export function mdLiteral(value: string): string {
  return visible(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}

/** Literal Markdown with no autolink, for reports that show one learner's text to others. */
export function mdText(value: string): string {
  return mdLiteral(value)
    .replace(/:\/\//g, ':/&#8203;/')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#8203;.`)
    .replace(/@/g, '@&#8203;');
}
