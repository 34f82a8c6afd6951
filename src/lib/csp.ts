/**
 * A Content-Security-Policy as data: its directives in order, each with
 * its sources, read from and written to the policy's text
 * (`script-src 'self' 'sha256-…'; style-src 'self'`).
 */
/** Every page's policy beside its scripts and styles: nothing from another host, no plugins, no `<base>`. */
export const COMMON_DIRECTIVES = ["default-src 'self'", "object-src 'none'", "base-uri 'none'"];

/** The policy of a page with no script and no style at all (a turn's share page): none of either. */
export const NO_CODE_POLICY = [...COMMON_DIRECTIVES, "script-src 'none'", "style-src 'none'"].join(
  '; ',
);

export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const directive of text.split(';')) {
    const [written, ...sources] = directive.trim().split(/\s+/);
    const name = written?.toLowerCase();
    // A directive named twice counts once, the first time, as browsers read it.
    if (name && !policy.has(name)) policy.set(name, sources);
  }
  return policy;
}

export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The policy that allows what any of `policies` allows, directive by
 * directive: each directive's sources in the order first seen. A
 * directive missing from one of them stays as the others have it, so the
 * union is meant for policies of the same directives (every page's, by
 * one configuration).
 */
export function unionOfPolicies(policies: Iterable<Policy>): Policy {
  const union: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      const known = union.get(name) ?? [];
      union.set(name, [...new Set([...known, ...sources])]);
    }
  }
  return union;
}

/** Where Astro writes a page's policy (`security.csp`), and the policy, written as it writes it. */
const POLICY_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

/** The policy in a page's meta, or undefined where it has none. */
export function policyOfPage(html: string): Policy | undefined {
  const meta = POLICY_META.exec(html);
  return meta ? parsePolicy(meta[1]!) : undefined;
}

const INLINE_CODE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g;
const HASH_SOURCE = /^'sha(256|384|512)-/;
const HASHED_DIRECTIVES = ['script-src', 'script-src-elem', 'style-src', 'style-src-elem'];

/**
 * The page with the hashes of its policy cut to those of its own inline
 * scripts and styles. Astro lists the same hashes in every page: those of
 * every page's inline code, and of code the site never writes (the
 * scripts of its `client:*` islands, its styles before they are joined
 * into a page's one `<style>`); in the reader's first view they were 391
 * of the policy's 632 bytes (gzip). Only sources are taken away, never added, so
 * the policy can only be stricter than Astro's. `hash` gives a text's
 * source as the policy writes it (`'sha256-…'`).
 */
export function keepOwnHashes(html: string, hash: (text: string) => string): string {
  const meta = POLICY_META.exec(html);
  if (!meta) return html;
  const own = new Set<string>();
  for (const [, tag, attributes, text] of html.matchAll(INLINE_CODE)) {
    if (tag === 'style' || !/\ssrc=/.test(attributes!)) own.add(hash(text!));
  }
  const policy = parsePolicy(meta[1]!);
  for (const name of HASHED_DIRECTIVES) {
    const sources = policy.get(name);
    if (sources) {
      policy.set(
        name,
        sources.filter((source) => !HASH_SOURCE.test(source) || own.has(source)),
      );
    }
  }
  const content = formatPolicy(policy);
  return `${html.slice(0, meta.index)}<meta http-equiv="content-security-policy" content="${content}">${html.slice(meta.index + meta[0].length)}`;
}
