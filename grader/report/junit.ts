/**
 * JUnit XML: one testsuite per file and one testcase per part. Incorrect and
 * missing parts are failures, invalid parts are errors; a file that could not
 * be read is one testcase with an error. Every attribute and text is escaped.
 */
import { LABELS } from '../messages/report.ts';
import type { FormatOptions } from './facts.ts';
import type { FileReport, Problem } from '../schema.ts';
import { visible } from './visible.ts';

/** A JUnit XML document for CI test-report viewers. */
export function formatJunit(reports: readonly FileReport[], _options: FormatOptions = {}): string {
  const suites = reports.map(suite);
  const total = (key: 'tests' | 'failures' | 'errors') => suites.reduce((sum, s) => sum + s.counts[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${LABELS.junitSuite}" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  xml: string;
  counts: { tests: number; failures: number; errors: number };
}

function suite(report: FileReport): Suite {
  const file = attr(report.path);
  const cases: string[] = [];
  const counts = { tests: 0, failures: 0, errors: 0 };
  if (report.status === 'error') {
    counts.tests = counts.errors = 1;
    const first = report.errors[0];
    const line = first?.line === undefined ? '' : ` line="${first.line}"`;
    cases.push(
      `    <testcase classname="${file}" name="${attr(LABELS.junitReadCase)}" file="${file}"${line}>`,
      `      <error message="${attr(first?.message ?? LABELS.fileError)}" type="${attr(first?.code ?? 'error')}">${report.errors.map((e) => text(describe(e))).join('\n')}</error>`,
      '    </testcase>',
    );
  }
  for (const exercise of report.exercises) {
    for (const part of exercise.parts) {
      counts.tests++;
      const head = `    <testcase classname="${attr(`${report.path}.${exercise.id}`)}" name="${attr(`${exercise.id}.${part.id}`)}" file="${file}"${part.line === undefined ? '' : ` line="${part.line}"`}`;
      if (part.verdict === 'correct') {
        cases.push(`${head}/>`);
        continue;
      }
      const element = part.verdict === 'invalid' ? 'error' : 'failure';
      if (element === 'error') counts.errors++;
      else counts.failures++;
      cases.push(
        `${head}>`,
        `      <${element} message="${attr(part.feedback)}" type="${part.verdict}">${text(part.feedback)}</${element}>`,
        '    </testcase>',
      );
    }
  }
  const properties =
    report.learner === undefined
      ? []
      : [
          '    <properties>',
          `      <property name="${LABELS.junitLearner}" value="${attr(report.learner)}"/>`,
          `      <property name="${LABELS.junitVariant}" value="${report.variant === true}"/>`,
          '    </properties>',
        ];
  const out =
    report.warnings.length === 0 ? [] : [`    <system-out>${report.warnings.map((w) => text(describe(w))).join('\n')}</system-out>`];
  const xml = [
    `  <testsuite name="${file}" file="${file}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="0">`,
    ...properties,
    ...cases,
    ...out,
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function describe(p: Problem): string {
  return `${LABELS.where(p.path, p.line, p.column)}: ${p.message}`;
}

/**
 * Learner text on one line with controls and bidi characters shown as code points (visible.ts), then
 * what XML 1.0 cannot hold at all (lone surrogates, U+FFFE/FFFF) as U+FFFD.
 */
function xmlSafe(value: string): string {
  return visible(value).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/** Escaped for element text. */
function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped for a double-quoted attribute; newlines kept as character references. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
