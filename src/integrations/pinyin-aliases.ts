/**
 * The pinyin search's alias map (src/lib/search/pinyin/aliases.ts), built
 * beside the site index from each transcript's pinyin file, which the
 * build has already written to `<site>/<slug>/pinyin.json`: the site's
 * text is read with pinyin-pro once, for the pinyin aid, and read back
 * here, where reading it again took as long as the rest of the index
 * (pinyin-pro reads about 140,000 characters a second). A transcript
 * whose file is not there or does not fit its text (a site index built
 * from records alone, as the tests build one) is read here, with the same
 * readings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  PINYIN_FILE,
  readReadings,
  turnPinyin,
  type PinyinFile,
} from '../lib/reading-aids/format.ts';
import { readingsOf } from '../lib/reading-aids/pinyin.ts';
import { AliasWriter } from '../lib/search/pinyin/aliases.ts';
import type { SearchRecord } from '../lib/search/records.ts';
import type { IndexFile } from '../lib/search/site-index/writer.ts';

export function pinyinAliases(site: string) {
  const writer = new AliasWriter();
  return {
    add(record: SearchRecord): void {
      const file = path.join(site, record.slug, PINYIN_FILE);
      const written = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as PinyinFile)
        : undefined;
      const usual = written && readReadings(written.readings);
      for (const [i, turn] of record.turns.entries()) {
        const readings =
          (written && turnPinyin(written, usual!, i, turn.zh)?.readings) ?? readingsOf(turn.zh);
        writer.add(turn.zh, readings);
      }
    },
    *files(indexShards: number): Generator<IndexFile> {
      for (const [filePath, data] of writer.files(indexShards)) yield { path: filePath, data };
    },
  };
}
