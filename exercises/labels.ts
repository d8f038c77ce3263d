/**
 * Part labels name values, not symbols: a label may hold `{param}` slots,
 * filled from the exercise's display values ("Gradient at layer 1 with w = {wB}"
 * reads "… with w = 2", and a learner's variant refills the slot in the browser).
 */

/** A piece of a label: plain text, or a slot with the value it shows. */
export type LabelPiece = { text: string } | { param: string; value: string };

const SLOT = /\{(\w+)\}/g;

/** Splits a label into text and filled slots; an unknown slot is a mistake in the definition. */
export function labelPieces(label: string, display: Readonly<Record<string, string>>): LabelPiece[] {
  const pieces: LabelPiece[] = [];
  let at = 0;
  for (const match of label.matchAll(SLOT)) {
    const param = match[1]!;
    const value = display[param];
    if (value === undefined) throw new Error(`label "${label}" names {${param}}, which the exercise does not display`);
    if (match.index > at) pieces.push({ text: label.slice(at, match.index) });
    pieces.push({ param, value });
    at = match.index + match[0].length;
  }
  if (at < label.length) pieces.push({ text: label.slice(at) });
  return pieces;
}

/** The label as plain text with its slots filled. */
export function fillLabel(label: string, display: Readonly<Record<string, string>>): string {
  return labelPieces(label, display)
    .map((piece) => ('text' in piece ? piece.text : piece.value))
    .join('');
}
