/** The part of sax (a strict XML parser already in the tree through Astro) the manifest test uses; it ships no types. */
declare module 'sax' {
  export interface Tag {
    name: string;
    attributes: Record<string, string>;
  }
  export interface SAXParser {
    onopentag: ((tag: Tag) => void) | null;
    onclosetag: ((name: string) => void) | null;
    ontext: ((text: string) => void) | null;
    write(xml: string): SAXParser;
    close(): SAXParser;
  }
  export function parser(strict: boolean): SAXParser;
}
