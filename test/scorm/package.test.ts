/**
 * The packager on a small built site of its own (the real one is packaged by
 * the browser test): both zips have a well-formed imsmanifest.xml at the root
 * that lists every file of the zip and nothing else, every href resolves
 * inside the zip, links are relative, and each page's CSP still matches its
 * inline scripts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sax from 'sax';
import course from '../../course.config.ts';
import { policyFor, withPolicy } from '../../src/integrations/csp.ts';
import { packageSite, type BuiltPackage } from '../../scripts/scorm/package.ts';
import { readZip, type ZipEntry } from '../../scripts/scorm/zip.ts';

const page = (body: string) =>
  withPolicy(
    `<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/page.js"></script><script>document.documentElement.dataset.x = "/lessons/basics/"</script></head><body>${body}</body></html>`,
  );

const SITE: Record<string, string> = {
  'index.html': page(
    '<a href="/lessons/basics/">Basics</a> <a href="exercises/relu-swap/">Exercise</a> <a href="https://example.edu/">out</a>',
  ),
  'lessons/basics/index.html': page(
    '<a href="/">Home</a> <a href="/exercises/relu-swap/#form">Exercise</a> <img src="/_astro/my figure.svg" alt="">',
  ),
  'exercises/relu-swap/index.html': page('<vg-exercise data-variants="true"></vg-exercise><a href="../../lessons/basics/">Back</a>'),
  '_astro/a.css': '@font-face{src:url(/_astro/f.woff2)}',
  '_astro/f.woff2': 'font',
  '_astro/my figure.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '_astro/page.js': 'const t=function(e){return`/`+e};export{t}',
  'grade.mjs': '// the Node grader, not for the LMS',
};

/** The manifest's elements in order, with their attributes and text, from a strict XML parser (throws when not well-formed). */
function parseXml(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const out: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: (typeof out)[number][] = [];
  const parser = sax.parser(true);
  parser.onopentag = (tag) => {
    out.push({ name: tag.name, attributes: tag.attributes, text: '' });
    open.push(out[out.length - 1]!);
  };
  parser.onclosetag = () => void open.pop();
  parser.ontext = (text) => {
    if (open.length) open[open.length - 1]!.text += text;
  };
  parser.write(xml).close();
  return out;
}

let dir: string;
let built: { packages: BuiltPackage[]; settings: { variants: boolean; passingScore: number } };
const zips = new Map<string, ZipEntry[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vg-scorm-unit-'));
  const dist = join(dir, 'dist');
  for (const [name, text] of Object.entries(SITE)) {
    mkdirSync(dirname(join(dist, name)), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  built = await packageSite({ dist, out: join(dir, 'out') });
  for (const p of built.packages) zips.set(p.version, readZip(readFileSync(p.path)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packageSite', () => {
  it('writes a 1.2 and a 2004 zip with the settings of the build', () => {
    expect(built.packages.map((p) => p.version)).toEqual(['1.2', '2004']);
    expect(built.settings).toMatchObject({ variants: true, passingScore: course.passingScore });
  });

  describe.each(['1.2', '2004'])('the SCORM %s zip', (version) => {
    const entries = () => zips.get(version)!;
    const names = () => entries().map((e) => e.name);
    const text = (name: string) => Buffer.from(entries().find((e) => e.name === name)!.data).toString('utf8');

    it('has a well-formed imsmanifest.xml at its root that lists every other file of the zip, and only those', () => {
      expect(names()[0]).toBe('imsmanifest.xml');
      const xml = parseXml(text('imsmanifest.xml'));
      const listed = xml.filter((e) => e.name === 'file').map((e) => decodeURI(e.attributes.href!));
      expect(listed.sort()).toEqual(
        names()
          .filter((n) => n !== 'imsmanifest.xml')
          .sort(),
      );
      expect(names()).not.toContain('grade.mjs');
      expect(names()).toEqual(expect.arrayContaining(['scorm.html', 'scorm-launch.js', '_astro/my figure.svg']));
    });

    it('declares one SCO whose href, like every file href, resolves inside the zip', () => {
      const xml = parseXml(text('imsmanifest.xml'));
      const resources = xml.filter((e) => e.name === 'resource');
      expect(resources).toHaveLength(1);
      const scormType = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
      expect(resources[0]!.attributes).toMatchObject({
        identifier: 'course-sco',
        type: 'webcontent',
        [scormType]: 'sco',
        href: 'scorm.html',
      });
      for (const e of xml.filter((x) => x.name === 'resource' || x.name === 'file'))
        expect(names()).toContain(decodeURI(e.attributes.href!));
      const item = xml.find((e) => e.name === 'item')!;
      expect(item.attributes.identifierref).toBe('course-sco');
    });

    it('names its SCORM version and carries the passing score', () => {
      const xml = parseXml(text('imsmanifest.xml'));
      expect(xml.find((e) => e.name === 'schemaversion')!.text).toBe(version === '1.2' ? '1.2' : '2004 4th Edition');
      if (version === '1.2') expect(xml.find((e) => e.name === 'adlcp:masteryscore')!.text).toBe(String(course.passingScore));
      else expect(Number(xml.find((e) => e.name === 'imsss:minNormalizedMeasure')!.text)).toBe(course.passingScore / 100);
    });

    it('links every page to files of the zip by relative paths', () => {
      for (const name of names().filter((n) => n.endsWith('.html'))) {
        for (const [, url] of text(name).matchAll(/\s(?:href|src)="([^"]+)"/g)) {
          if (/^(https?:|#)/.test(url!)) continue;
          expect(url, `${url} in ${name}`).not.toMatch(/^\//);
          const target = posix.join(posix.dirname(name), decodeURI(url!.replace(/[?#].*$/, '')));
          expect(names(), `${url} in ${name}`).toContain(target);
        }
      }
      expect(text('_astro/a.css')).toBe('@font-face{src:url(f.woff2)}');
      expect(text('_astro/page.js')).toContain('new URL(`../`,import.meta.url).href+e');
    });

    it('keeps every page’s Content-Security-Policy true to its inline scripts', () => {
      for (const name of ['index.html', 'lessons/basics/index.html', 'exercises/relu-swap/index.html']) {
        const html = text(name);
        const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)!;
        expect(meta[1]).toBe(policyFor(html.replace(meta[0], '')));
        expect(html).toContain('<script>document.documentElement.dataset.x = "/lessons/basics/"</script>');
      }
      expect(text('scorm.html')).toContain(`content="default-src 'self'; script-src 'self';`);
      expect(text('scorm.html')).not.toMatch(/<script>/);
    });
  });
});
