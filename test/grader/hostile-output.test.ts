/** Hostile submissions (docs/decisions.md) at the library level: learner text in every report format, and the messages that quote it. */
import { describe, expect, it } from 'vitest';
import { learnerKey } from '../../exercises/variants.ts';
import { formatJson } from '../../grader/report/json-report.ts';
import { formatJunit } from '../../grader/report/junit.ts';
import { formatMarkdown } from '../../grader/report/markdown.ts';
import { formatText } from '../../grader/report/text.ts';
import { visible } from '../../grader/report/visible.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { clip } from '../../grader/messages/quote.ts';
import { readAnswersText } from '../../grader/read/answers-file.ts';
import { POST_ANSWERS_YAML } from './fixtures.ts';

const { gradeText, gradeAnswers } = createGrader();

/** Every character class the issue found reaching a log: C0 (ESC, BEL, CR, LF), C1 (CSI, NEL), bidi, separators. */
const HOSTILE = 'a\u001b[2Jb\u0007c\r\nd\u009b31me\u0085f\u202eg\u2066h\u2028i\u2029j\u200fk';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function hostileReport() {
  const report = gradeText(POST_ANSWERS_YAML.replace(/ratio: [^\n]*/, `ratio: ${JSON.stringify(HOSTILE)}`), {
    path: `sub/${HOSTILE}.yaml`,
  });
  return [report, { ...report, learner: HOSTILE }];
}

describe('learner text in every format (decisions: hostile submissions)', () => {
  it('shows control, bidi and separator characters as code points, in text, Markdown and JUnit', () => {
    for (const [name, output] of [
      ['text', formatText(hostileReport())],
      ['markdown', formatMarkdown(hostileReport()).replace(/\\(.)/g, '$1')], // as rendered: Markdown's own escapes removed
      ['junit', formatJunit(hostileReport())],
    ] as const) {
      expect(output, name).not.toMatch(RAW);
      expect(output, name).toContain(
        '\\u{1B}[2Jb\\u{7}c\\u{D}\\u{A}d\\u{9B}31me\\u{85}f\\u{202E}g\\u{2066}h\\u{2028}i\\u{2029}j\\u{200F}k',
      );
    }
    expect(visible('plain × 10⁻³ – ok')).toBe('plain × 10⁻³ – ok');
  });

  it('keeps JSON data exact, but writes the invisible characters as escapes', () => {
    const json = formatJson(hostileReport());
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json).files[1].learner).toBe(HOSTILE);
  });

  it('JUnit never carries a raw newline from learner text inside an element or attribute', () => {
    const xml = formatJunit(hostileReport());
    for (const line of xml.split('\n')) expect(line).toMatch(/^\s*(<|$)|^[^<>]*<\/(error|failure|system-out)>$|^[^<]*: /);
    expect(xml).not.toMatch(/\n[^<\s]/); // every line starts with markup (or indentation then markup)
  });

  it('makes no autolinks from learner text in Markdown (https://, www., emails)', () => {
    const report = gradeText(
      POST_ANSWERS_YAML.replace(/ratio: [^\n]*/, 'ratio: "see https://evil.example/x or www.evil.example or mail me@evil.example"'),
      { path: 'www.x.yaml' },
    );
    const md = formatMarkdown([report]);
    expect(md).not.toMatch(/https:\/\/|www\.|[\w.]@[\w]/);
    expect(md).toContain('https:/&#8203;/evil.example/x');
  });
});

describe('messages that quote learner text (decisions: hostile submissions)', () => {
  it('shorten on whole characters: an emoji, a flag or a family is never split', () => {
    for (const text of [`${'x'.repeat(38)}😀😀😀`, `${'x'.repeat(38)}🇳🇱🇳🇱🇳🇱`, `${'x'.repeat(38)}👨‍👩‍👧‍👦 tail`]) {
      const short = clip(text);
      expect(short.endsWith('…')).toBe(true);
      expect(short).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(short))).not.toContain('\uFFFD');
    }
    expect(clip(`${'x'.repeat(38)}👨‍👩‍👧‍👦 tail`)).toBe(`${'x'.repeat(38)}👨‍👩‍👧‍👦…`);
  });
});

describe('reading bytes (decisions: messy classes; hostile submissions)', () => {
  const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
  it('decodes UTF-16 with a BOM, either byte order', () => {
    const le = new Uint8Array([0xff, 0xfe, ...utf16le('answers: {}\n')]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(utf16le('answers: {}\n')).swap16()]);
    for (const bytes of [le, be]) expect(readAnswersText(bytes, 'a.yaml')).toMatchObject({ ok: true, data: { answers: {} } });
  });

  it('names UTF-16 without a BOM plainly, instead of "not a mapping … c\\0o\\0…"', () => {
    const read = readAnswersText(utf16le('course: vanishing-gradients\nanswers: {}\n'), 'a.yaml');
    expect(read).toMatchObject({ ok: false, problems: [{ code: 'utf16-no-bom' }] });
    const be = readAnswersText(new Uint8Array(Buffer.from(utf16le('answers: {}\n')).swap16()), 'a.yaml');
    expect(be).toMatchObject({ ok: false, problems: [{ code: 'utf16-no-bom', message: expect.stringContaining('big-endian') }] });
  });

  it('names a PDF, a ZIP, an image or other binary for what it is', () => {
    const kind = (bytes: number[]) => {
      const read = readAnswersText(new Uint8Array(bytes), 'a.yaml');
      return read.ok ? 'read' : read.problems[0]!.message.replace(/, not an answers file.*$/, '');
    };
    expect(kind([...Buffer.from('%PDF-1.4\n')])).toBe('this looks like a PDF document');
    expect(kind([0x50, 0x4b, 0x03, 0x04, 1, 2])).toMatch(/^this looks like a ZIP archive/);
    expect(kind([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])).toBe('this looks like a PNG image');
    expect(kind([0x61, 0x3a, 0x00, 0x31, 0x0a])).toBe('this looks like a binary file (it holds NUL bytes)');
  });
});

describe('learners and variants (decisions: messy classes)', () => {
  it('compares learner ids after trimming, NFKC and case folding', () => {
    expect(learnerKey('  S123456@Uni.EDU ')).toBe('s123456@uni.edu');
    expect(learnerKey('ｓ123456@uni.edu')).toBe('s123456@uni.edu');
    expect(learnerKey('STRASSE')).toBe(learnerKey('straße'));
  });

  it("requires a learner only when asked (the CLI with variants on); the exercise page grades the post's numbers", () => {
    const doc = { answers: {} };
    expect(gradeAnswers(doc, { path: 'a', variants: true, requireLearner: true })).toMatchObject({
      status: 'error',
      variant: false,
      errors: [{ code: 'no-learner' }],
    });
    expect(gradeAnswers(doc, { path: 'a', variants: true })).toMatchObject({ status: 'graded' });
    expect(gradeAnswers({ learner: 'ada', answers: {} }, { path: 'a', variants: false })).toMatchObject({
      status: 'graded',
      learner: 'ada',
      variant: false,
      warnings: [{ code: 'learner-ignored' }],
    });
  });
});
