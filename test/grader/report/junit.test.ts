import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../../grader/report/junit.ts';
import { sampleReports } from './sample.ts';
import { xmlProblem } from './xml-check.ts';

const xml = formatJunit(sampleReports());

describe('the XML check itself', () => {
  it('catches what a broken formatter would produce', () => {
    expect(xmlProblem('<a><b></a></b>')).toBeDefined();
    expect(xmlProblem('<a x="1 < 2"/>')).toBeDefined();
    expect(xmlProblem('<a>R&D</a>')).toBeDefined();
    expect(xmlProblem('<a>\u0001</a>')).toBeDefined();
    expect(xmlProblem('<a x="1" x="2"/>')).toBeDefined();
    expect(xmlProblem('<a/><b/>')).toBeDefined();
    expect(xmlProblem('<a>ok &amp; &#10;</a>')).toBeUndefined();
  });
});

describe('formatJunit', () => {
  it('is well-formed XML', () => {
    expect(xmlProblem(xml)).toBeUndefined();
  });

  it('has one testsuite per file and one testcase per part', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuites name="vanishing-gradients" tests="39" failures="21" errors="2">');
    expect(xml).toContain(
      '<testsuite name="submissions/ada.yaml" file="submissions/ada.yaml" tests="19" failures="2" errors="1" skipped="0">',
    );
    expect(xml).toContain(
      '<testcase classname="submissions/ada.yaml.sigmoid-max" name="sigmoid-max.max_value" file="submissions/ada.yaml" line="5"/>',
    );
  });

  it('makes incorrect and missing parts failures, invalid parts and unreadable files errors', () => {
    expect(xml).toMatch(/name="deeper-network\.gradient_6_layers"[^>]*>\s*<failure message="read as 2\.4 × 10⁻¹⁰[^"]*" type="incorrect">/);
    expect(xml).toMatch(/name="relu-swap\.vanishing_gone"[^>]*>\s*<failure message="no answer given" type="missing">/);
    expect(xml).toMatch(/name="saturation\.ratio"[^>]*>\s*<error [^>]*type="invalid">/);
    expect(xml).toMatch(
      /<testsuite name="submissions\/bad\|file\.yaml"[^>]*tests="1" failures="0" errors="1"[^>]*>\s*<testcase [^>]*name="read and validate the file"[^>]*line="3">\s*<error /,
    );
  });

  it('escapes markup and quotes from learner input', () => {
    expect(xml).toContain('&lt;b&gt;35&lt;/b&gt; &amp; &apos;more&apos;');
    expect(xml).not.toContain('<b>');
  });

  it('stays well formed whatever the text holds: control characters, lone surrogates, "]]>"', () => {
    const [report] = sampleReports();
    const hostile = { ...report!, path: 'a"\u0001\uD800]]><x>&.yaml' };
    hostile.exercises = hostile.exercises.map((e) => ({
      ...e,
      parts: e.parts.map((p) => ({ ...p, feedback: `${p.feedback}\u0000\u001b[31m\uDFFF]]>` })),
    }));
    expect(xmlProblem(formatJunit([hostile]))).toBeUndefined();
  });
});
