/**
 * The `_headers` file for a site under any base path, and the policy
 * arithmetic behind its Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import { formatPolicy, parsePolicy, unionOfPolicies } from '../../src/lib/csp.ts';
import { CACHE_FOREVER, CACHE_REVALIDATE, headersFile } from '../../src/lib/headers-file.ts';
import { headersFor, parseHeaderRules } from '../support/headers-file.ts';

describe('the headers file', () => {
  for (const base of ['/', '/some/path', '/some/path/']) {
    it(`serves the policy and the caching under the base ${base}`, () => {
      const root = base.replace(/\/$/, '');
      const rules = parseHeaderRules(
        headersFile({ base, assets: '_astro', policy: "default-src 'self'" }),
      );
      const policy: [string, string] = ['Content-Security-Policy', "default-src 'self'"];

      expect(headersFor(rules, `${root}/`)).toEqual([policy]);
      expect(headersFor(rules, `${root}/alignment-panel/`)).toEqual([policy]);
      expect(headersFor(rules, `${root}/_astro/ui.DxURPjZL.js`)).toEqual([
        policy,
        ['Cache-Control', CACHE_FOREVER],
      ]);
      expect(headersFor(rules, `${root}/search/index.json`)).toEqual([
        policy,
        ['Cache-Control', CACHE_REVALIDATE],
      ]);
      for (const file of ['s/3.json', 'c/3/0-1.json', 'f/0/12.json']) {
        expect(headersFor(rules, `${root}/search/${file}`)).toEqual([
          policy,
          ['Cache-Control', CACHE_FOREVER],
        ]);
      }
      if (root !== '') expect(headersFor(rules, '/_astro/ui.DxURPjZL.js')).toEqual([]);
    });
  }
});

describe('a policy', () => {
  it('reads and writes back as written, whatever the spacing and the final semicolon', () => {
    const policy = parsePolicy(" script-src 'self' 'sha256-a=';style-src  'self' ; ");
    expect([...policy]).toEqual([
      ['script-src', ["'self'", "'sha256-a='"]],
      ['style-src', ["'self'"]],
    ]);
    expect(formatPolicy(policy)).toBe("script-src 'self' 'sha256-a='; style-src 'self'");
  });

  it('counts a directive named twice once, the first time, as browsers do', () => {
    expect(parsePolicy("script-src 'self'; Script-Src 'unsafe-inline'").get('script-src')).toEqual([
      "'self'",
    ]);
  });

  it('joined with another allows what either allows, each source once', () => {
    const union = unionOfPolicies([
      parsePolicy("default-src 'self'; script-src 'self' 'sha256-a='"),
      parsePolicy("default-src 'self'; script-src 'self' 'sha256-b='"),
    ]);
    expect(formatPolicy(union)).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a=' 'sha256-b='",
    );
  });
});
