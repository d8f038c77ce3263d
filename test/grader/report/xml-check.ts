/**
 * A strict well-formedness check for the XML subset JUnit reports use
 * (prolog, elements, attributes, text, character and entity references),
 * written independently of the formatter so it can catch its mistakes.
 * Returns the first problem found, or undefined.
 */
const NAME = '[A-Za-z_][\\w.-]*';
const ATTR_VALUE = '"(?:[^"<&]|&(?:amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);)*"';
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*${ATTR_VALUE})*)\\s*(/?)>`);
const TEXT = /^(?:[^<&]|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)*/;
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function xmlProblem(xml: string): string | undefined {
  if (ILLEGAL.test(xml)) return 'a character XML 1.0 does not allow';
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const open: string[] = [];
  let roots = 0;
  while (rest.length > 0) {
    const text = TEXT.exec(rest)![0];
    if (text.includes(']]>')) return "']]>' in text";
    if (text.trim() !== '' && open.length === 0) return 'text outside the root element';
    rest = rest.slice(text.length);
    if (rest.length === 0) break;
    const tag = TAG.exec(rest);
    if (!tag) return `malformed markup at: ${rest.slice(0, 40)}`;
    const [all, closing, name, attrs, selfClosing] = tag;
    const names = [...attrs!.matchAll(new RegExp(`(${NAME})\\s*=`, 'g'))].map((m) => m[1]);
    if (new Set(names).size !== names.length) return `duplicate attribute in <${name}>`;
    if (closing) {
      if (open.pop() !== name) return `</${name}> closes the wrong element`;
    } else {
      if (open.length === 0 && ++roots > 1) return 'more than one root element';
      if (!selfClosing) open.push(name!);
    }
    rest = rest.slice(all.length);
  }
  return open.length === 0 && roots === 1 ? undefined : 'unclosed elements';
}
