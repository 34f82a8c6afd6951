/** The address of a module built as a chunk of its own (src/integrations/chunk-url.ts). */
declare module '*?chunk-url' {
  const url: string;
  export default url;
}

interface ImportMetaEnv {
  /** A digest of `src/`, set by astro.config.ts (src/integrations/code-version.ts). */
  readonly DUET_CODE_VERSION: string;
  /** Whether the site has a share page per turn (duet.config.ts `sharePages`), set by astro.config.ts. */
  readonly DUET_SHARE_PAGES: boolean;
}
