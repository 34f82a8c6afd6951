/**
 * A Content-Security-Policy as data: its directives in order, each with
 * its sources, read from and written to the policy's text
 * (`script-src 'self' 'sha256-…'; style-src 'self'`).
 */
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
