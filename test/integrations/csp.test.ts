import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { policyFor, scriptHash, withPolicy } from '../../src/integrations/csp.ts';

const PAGE =
  '<!doctype html><html><head><title>t</title><script>a()</script><script type="module" src="/x.js"></script></head><body><script type="module">b()</script><script>a()</script></body></html>';

describe('the build-time Content-Security-Policy', () => {
  it('hashes each inline script once, exactly as the browser does (sha256 of its text, base64)', () => {
    // Oracle: the hash computed independently of the module.
    const expected = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(scriptHash('a()')).toBe(expected('a()'));
    const policy = policyFor(PAGE);
    expect(policy.split('; ')[0]).toBe(`script-src 'self' 'wasm-unsafe-eval' ${expected('a()')} ${expected('b()')}`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/ 'unsafe-eval'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('goes first in <head>, before any script it governs, and refuses a page that already has one', () => {
    const out = withPolicy(PAGE);
    expect(out.indexOf('http-equiv="content-security-policy"')).toBeLessThan(out.indexOf('<script'));
    expect(out.startsWith('<!doctype html><html><head><meta http-equiv="content-security-policy" content="script-src')).toBe(true);
    expect(() => withPolicy(out)).toThrow(/already/);
    expect(() => withPolicy('<p>no head</p>')).toThrow(/no <head>/);
  });

  it('leaves <meta charset> first in <head>, within the first 1,024 bytes, with the policy right after it', () => {
    const page =
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="x"/><script>a()</script></head></html>';
    const out = withPolicy(page);
    expect(out.startsWith('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><meta http-equiv="content-security-policy"')).toBe(
      true,
    );
    expect(out.indexOf('http-equiv')).toBeLessThan(out.indexOf('<script'));
  });
});
