/** The address of a module built as a chunk of its own (src/integrations/chunk-url.ts). */
declare module '*?chunk-url' {
  const url: string;
  export default url;
}

interface ImportMetaEnv {
  /** A digest of `src/`, set by astro.config.ts (src/integrations/code-version.ts). */
  readonly DUET_CODE_VERSION: string;
}
