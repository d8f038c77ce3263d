/**
 * A link from a lab label or help text to the term's glossary entry, the way
 * the lessons' <Term> links (relative, so it holds under any base path: the
 * lab sits on a lesson page, two folders below the site root).
 */
import type { ComponentChildren } from 'preact';

export function GlossaryLink({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <a class="vg-lab-term" href={`../../glossary/#${id}`}>
      {children}
    </a>
  );
}
