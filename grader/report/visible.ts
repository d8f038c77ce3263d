/**
 * Learner text made safe to print in any report: every character that could
 * move the cursor, end a line, recolour a terminal, or reorder what a reader
 * sees is shown as its code point instead, e.g. `\u{1B}`. That covers C0 and
 * C1 controls (ESC, BEL, CSI U+009B, NEL U+0085, CR and LF among them), DEL,
 * the bidirectional controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069,
 * the "Trojan Source" characters) and the line and paragraph separators.
 */

/** The characters shown as code points. */
export const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `text` on one line, with every control, bidi and separator character written out as `\u{…}`. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
