/**
 * The site's Content-Security-Policy: Astro's own (`security.csp`) in a
 * meta of every page, and the same policy as a header in the `_headers`
 * file for hosts that read one.
 *
 * Astro hashes the scripts and styles it bundles; the one script it cannot
 * know, the layout's inline mode script, is hashed here from the very
 * module the layout writes it from, so the two never differ.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIContext, AstroIntegration, AstroUserConfig } from 'astro';
import { modeScript } from '../client/mode-script.ts';
import {
  COMMON_DIRECTIVES,
  formatPolicy,
  policyOfPage,
  unionOfPolicies,
  type Policy,
} from '../lib/csp.ts';
import { headersFile } from '../lib/headers-file.ts';
import { mediaDirective, type Recording } from '../lib/recording.ts';

type CspConfig = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;

const DIRECTIVES: CspConfig['directives'] = COMMON_DIRECTIVES as CspConfig['directives'];

/** What a policy in a meta cannot say (browsers ignore it there): no page of the site in another's frame. */
const HEADER_ONLY = "frame-ancestors 'none'";

/** A script's or a style's source in a policy, `'sha256-…'`, as Astro's `algorithm` below writes it. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * What a reader with a recording adds to its page's policy: the hash of
 * the recording's styles, `css` (src/styles/recording-styles.ts; Recording.astro
 * writes them), and for a file, media from the site and the file's origin alone.
 * For the page's own frontmatter to call: Astro writes the policy into the
 * head before it renders the components of the body.
 */
export function allowRecording(csp: APIContext['csp'], recording: Recording, css: string): void {
  // Astro takes a hash without its quotes.
  csp?.insertStyleHash(hashSource(css).slice(1, -1) as `sha256-${string}`);
  if (recording.kind !== 'page')
    csp?.insertDirective(mediaDirective(recording) as `media-src ${string}`);
}

/** The start of an HTML file, to the end of its head (or the whole file, where it has none). */
function headOf(file: string): string {
  const descriptor = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(16 * 1024);
    const read: Buffer[] = [];
    let head = '';
    for (let bytes; (bytes = readSync(descriptor, chunk)) > 0;) {
      read.push(Buffer.from(chunk.subarray(0, bytes)));
      head = Buffer.concat(read).toString('utf8');
      if (head.includes('</head>')) break;
    }
    return head;
  } finally {
    closeSync(descriptor);
  }
}

/** Astro's `security.csp`. */
export function contentSecurityPolicy(): CspConfig {
  return {
    algorithm: 'SHA-256',
    directives: DIRECTIVES,
    // Astro takes a hash without its quotes.
    scriptDirective: { hashes: [hashSource(modeScript).slice(1, -1) as `sha256-${string}`] },
  };
}

/**
 * Writes `_headers` into the built site. Its policy is the union of the
 * policies Astro wrote into the pages, plus what only a header can carry.
 * Every page is read, not one a route: a reader with a recording has a
 * script, a style and a `media-src` the others have not (allowRecording).
 * Only a page's head, where the policy is, up to `</head>`.
 * Where a page's meta and the header both apply, a browser enforces both,
 * so each page is held to its own meta's hashes; the header adds only
 * `frame-ancestors`, and guards whatever a host serves before the meta.
 */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  let assetsFolder = '_astro';
  return {
    name: 'duet-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        assetsFolder = config.build.assets;
      },
      'astro:build:done': ({ dir, assets }) => {
        const pages = [...assets.values()]
          .flat()
          .filter((file) => file.pathname.endsWith('.html'))
          .map((file) => fileURLToPath(file))
          .sort();
        const policies: Policy[] = pages.map((page) => {
          const policy = policyOfPage(headOf(page));
          if (!policy) {
            throw new Error(
              `${page} has no Content-Security-Policy meta: is security.csp set in astro.config.ts?`,
            );
          }
          return policy;
        });
        const policy = `${formatPolicy(unionOfPolicies(policies))}; ${HEADER_ONLY}`;
        writeFileSync(
          fileURLToPath(new URL('_headers', dir)),
          headersFile({ base, assets: assetsFolder, policy }),
        );
      },
    },
  };
}
