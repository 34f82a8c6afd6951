/**
 * Where the transcripts are read from, for the content collection and the
 * search index alike. DUET_TRANSCRIPTS lets tests and the benchmark build
 * the site from another folder.
 */
export const transcriptsFolder = process.env.DUET_TRANSCRIPTS ?? 'content/transcripts';
