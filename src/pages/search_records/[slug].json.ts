/**
 * Each transcript's search record, made from its collection entry at build
 * time. The search integration indexes them once the site is written and
 * removes them: they are the index's input, not a page.
 */
import { filePerTranscript } from '../../collection/transcripts.ts';
import { searchRecordOf } from '../../lib/search/records.ts';

export const { getStaticPaths, GET } = filePerTranscript(searchRecordOf);
