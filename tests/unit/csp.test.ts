/**
 * The `_headers` file for a site under any base path, and the policy
 * arithmetic behind its Content-Security-Policy: reading, joining, and
 * cutting a page's policy to what the page itself needs.
 */
import { describe, expect, it } from 'vitest';
import { hashSource } from '../../src/integrations/csp.ts';
import {
  formatPolicy,
  keepOwnHashes,
  parsePolicy,
  policyOfPage,
  unionOfPolicies,
} from '../../src/lib/csp.ts';
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
      for (const file of ['s/3.json', 'p/0.bin', 'f/12.json', 't/0.bin']) {
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

describe("a page's policy", () => {
  const page = (policy: string, body: string) =>
    `<html><head><meta http-equiv="content-security-policy" content="${policy}"><style>b{}</style></head><body>${body}</body></html>`;
  const [own, style, foreign, unlisted] = ['own()', 'b{}', 'islands()', 'unlisted()'].map(
    hashSource,
  );

  it("keeps the hashes of the page's own inline code and every other source, and drops the rest", () => {
    const html = page(
      `default-src 'self'; script-src 'self' ${own} ${foreign}; style-src 'self' ${foreign} ${style}`,
      '<script>own()</script><script type="module" src="/_astro/a.js"></script>',
    );
    expect(formatPolicy(policyOfPage(keepOwnHashes(html, hashSource))!)).toBe(
      `default-src 'self'; script-src 'self' ${own}; style-src 'self' ${style}`,
    );
  });

  it('never allows what it did not: an inline script the policy does not list stays out', () => {
    const html = page(
      `script-src 'self' ${own}`,
      '<script>own()</script><script>unlisted()</script>',
    );
    const kept = policyOfPage(keepOwnHashes(html, hashSource))!;
    expect(kept.get('script-src')).toEqual(["'self'", own]);
    expect(kept.get('script-src')).not.toContain(unlisted);
  });

  it('leaves a page without a policy as it is, and the rest of every page', () => {
    const bare = '<html><head><script>own()</script></head></html>';
    expect(keepOwnHashes(bare, hashSource)).toBe(bare);
    const html = page(`script-src 'self' ${foreign}`, '<p>text</p>');
    expect(keepOwnHashes(html, hashSource).replace(/<meta[^>]*>/, '')).toBe(
      html.replace(/<meta[^>]*>/, ''),
    );
  });
});
