/**
 * A production build of the site from a folder of transcripts, with its
 * own output and cache folders: test files run in parallel, and two builds
 * sharing Astro's content store (node_modules/.astro) would clear each
 * other's entries. Astro has no flag for the cache folder, so the build
 * runs with a config that wraps the project's own. Its public folder is of
 * its own too, the project's with the corpus's recording (./recording.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../src/lib/settings.ts';
import { writePublicFolder } from './recording.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface IsolatedBuild {
  status: number | null;
  /** What the build printed, stdout and stderr together. */
  output: string;
  stderr: string;
  outDir: string;
  cacheDir: string;
}

export interface BuildOptions {
  /** Show the build's output as it goes instead of collecting it. */
  inherit?: boolean;
  /** Environment variables for the build, over this process's own. */
  env?: Record<string, string>;
  /** More flags for `astro build`, such as `--base /sub --site https://example.org`. */
  flags?: readonly string[];
  /** Settings over duet.config.ts's, as if written there: a site URL, a base, share pages off. */
  config?: Partial<Pick<Settings, 'site' | 'base' | 'sharePages'>>;
}

/**
 * This process's environment without what vitest adds to it from its own
 * `import.meta.env` (BASE_URL, SITE, MODE, …): a build inheriting them
 * reads them as its own, so a page's `import.meta.env.BASE_URL` would be
 * vitest's `/` whatever the site's base.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR'])
    delete env[name];
  return env;
}

/** Builds `transcripts` into `<work>/dist`, caching in `<work>/cache`; `work` is made if missing. */
export function buildSite(
  transcripts: string,
  work: string,
  { inherit = false, env = {}, flags = [], config: settings = {} }: BuildOptions = {},
): IsolatedBuild {
  const folder = path.resolve(ROOT, work);
  const outDir = path.join(folder, 'dist');
  const cacheDir = path.join(folder, 'cache');
  const publicDir = path.join(folder, 'public');
  mkdirSync(folder, { recursive: true });
  writePublicFolder(ROOT, publicDir);
  const config = path.join(folder, 'astro.config.mjs');
  writeFileSync(
    config,
    `import settings from ${JSON.stringify(path.join(ROOT, 'duet.config.ts'))};\n` +
      `import { siteConfig } from ${JSON.stringify(path.join(ROOT, 'astro.config.ts'))};\n` +
      `const config = siteConfig({ ...settings, ...${JSON.stringify(settings)} });\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(cacheDir)}, publicDir: ${JSON.stringify(publicDir)} };\n`,
  );
  // This process's Node (the project's Node 24): the `astro` shim would take the first `node`
  // on the PATH, which outside `npm run` may be one Astro refuses.
  const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
  // Astro resolves --config against the project root, so it is given relative to it.
  const result = spawnSync(
    process.execPath,
    [astro, 'build', '--config', path.relative(ROOT, config), '--outDir', outDir, ...flags],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: inherit ? 'inherit' : 'pipe',
      env: {
        ...buildEnv(),
        ...env,
        DUET_TRANSCRIPTS: transcripts,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    },
  );
  return {
    status: result.status,
    output: `${result.stdout ?? ''}\n${result.stderr ?? ''}`,
    stderr: result.stderr ?? '',
    outDir,
    cacheDir,
  };
}
