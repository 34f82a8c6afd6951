import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { floorPage } from '../../bench/floor.ts';
import { bothLanguages } from '../../src/lib/localized.ts';
import { formatTime } from '../../src/lib/transcript/times.ts';
import { corpus } from '../support/corpus.ts';

function elements(node: Root | Element): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type === 'element') found.push(child, ...elements(child));
  }
  return found;
}

const text = (node: Element): string =>
  node.children
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '',
    )
    .join('');

describe('the floor page', () => {
  for (const { slug, transcript } of corpus) {
    it(`holds every turn's speaker (and its time, where it has one) and both texts, a paragraph a line, and nothing else (${slug})`, () => {
      const tree = fromHtml(floorPage(transcript));
      const all = elements(tree);
      const body = all.find((element) => element.tagName === 'body')!;
      // Each turn: the speaker's name, then the Chinese, then the English.
      const blocks = body.children.filter((child): child is Element => child.type === 'element');
      expect(blocks.map((block) => block.tagName)).toEqual([
        'h1',
        ...transcript.turns.flatMap(() => ['h2', 'div', 'div']),
      ]);
      expect(text(blocks[0]!)).toBe(bothLanguages(transcript.title));
      transcript.turns.forEach((turn, index) => {
        const [speaker, zh, en] = blocks.slice(1 + index * 3, 4 + index * 3) as [
          Element,
          Element,
          Element,
        ];
        const time = turn.start === undefined ? '' : ` ${formatTime(turn.start)}`;
        expect(text(speaker)).toBe(bothLanguages(transcript.speakers[turn.speaker]!.name) + time);
        expect(zh.properties.lang).toBe('zh-Hans');
        expect(en.properties.lang).toBe('en');
        expect(zh.children.map((p) => text(p as Element))).toEqual(turn.zh.text.split('\n'));
        expect(en.children.map((p) => text(p as Element))).toEqual(turn.en.text.split('\n'));
      });
      // No styles, scripts, classes or requests: the text alone.
      expect(all.filter((element) => ['style', 'script', 'img'].includes(element.tagName))).toEqual(
        [],
      );
      expect(all.filter((element) => element.properties.className)).toEqual([]);
    });
  }
});
