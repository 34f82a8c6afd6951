/**
 * Paragraphs read together (the contract's "The reader page"): in Both, a
 * turn whose two blocks have as many paragraphs shows each Chinese
 * paragraph with its English partner, side by side with their tops level on
 * a wide screen, one straight after the other on a narrow one; a turn whose
 * counts differ reads as a block per language. What the rows must not
 * change: each language's text, whole and in order, for screen readers and
 * in a copy. And partners marked by a tap, on a touch screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Turn } from '../../src/lib/transcript/schema.ts';
import { corpus, seed } from '../support/corpus.ts';
import { chinese, english, READER, turn } from './pages.ts';

/** The contract's pairing: as many paragraphs in each language. */
const pairs = (entry: Turn) => entry.zh.paragraphs.length === entry.en.paragraphs.length;
const paragraphs = (entry: Turn, language: 'zh' | 'en') => entry[language].text.split('\n');

const turns = corpus.flatMap(({ transcript }) => transcript.turns);
/** The seed's turn 13: Josh's bell curve, three paragraphs in each language. */
const JOSH = 13;
/** Straight after: a paragraph starts no further below the one before than a paragraph's margin. */
const AFTER = 16;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each paragraph of every turn of the page is, in the page, by turn number and language. */
function paragraphBoxes(page: Page): Promise<{ zh: Box[]; en: Box[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.turn')].map((element) => {
      const boxes = (language: string) =>
        [...element.querySelectorAll(`.turn-text > :lang(${language}) > p`)].map((paragraph) => {
          const { x, y, width, height } = paragraph.getBoundingClientRect();
          return { x, y: y + scrollY, width, height };
        });
      return { zh: boxes('zh'), en: boxes('en') };
    }),
  );
}

test('the corpus has turns whose paragraphs pair, several of them, and some whose do not', () => {
  expect(turns.filter((entry) => pairs(entry) && entry.zh.paragraphs.length > 1)).not.toEqual([]);
  expect(paragraphs(seed.transcript.turns[JOSH - 1]!, 'zh')).toHaveLength(3);
  expect(paragraphs(seed.transcript.turns[JOSH - 1]!, 'en')).toHaveLength(3);
  // One that would read differently in rows: several paragraphs on each side, not as many.
  const uneven = turns.filter((entry) => !pairs(entry));
  expect(uneven.filter((entry) => entry.zh.paragraphs.length > 1)).not.toEqual([]);
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  for (const { slug, href, transcript } of corpus) {
    test(`partners stand side by side, their tops level, in rows down the turn (${slug})`, async ({
      page,
    }) => {
      await page.goto(`${href}?lang=both`);
      const shown = await paragraphBoxes(page);
      for (const entry of transcript.turns) {
        const { zh, en } = shown[entry.number - 1]!;
        const where = `turn ${entry.number} of ${slug}`;
        expect(zh, where).toHaveLength(entry.zh.paragraphs.length);
        expect(en, where).toHaveLength(entry.en.paragraphs.length);
        // Laid out, though far from the screen: measuring a turn lays it out.
        for (const box of [...zh, ...en]) expect(box.height, where).toBeGreaterThan(0);
        if (pairs(entry)) {
          zh.forEach((chinese, index) => {
            const partner = en[index]!;
            expect(
              Math.abs(partner.y - chinese.y),
              `${where}, paragraph ${index + 1}`,
            ).toBeLessThanOrEqual(1);
            expect(partner.x).toBeGreaterThanOrEqual(chinese.x + chinese.width);
            const above =
              index > 0
                ? Math.max(
                    zh[index - 1]!.y + zh[index - 1]!.height,
                    en[index - 1]!.y + en[index - 1]!.height,
                  )
                : 0;
            expect(chinese.y, `${where}, paragraph ${index + 1}`).toBeGreaterThanOrEqual(above);
          });
        } else {
          // A block per language, side by side, each one paragraph after another.
          expect(Math.abs(en[0]!.y - zh[0]!.y), where).toBeLessThanOrEqual(1);
          expect(en[0]!.x).toBeGreaterThanOrEqual(zh[0]!.x + zh[0]!.width);
          for (const block of [zh, en]) {
            block.slice(1).forEach((box, index) => {
              const end = block[index]!.y + block[index]!.height;
              expect(box.x, where).toBe(block[0]!.x);
              expect(box.y, where).toBeGreaterThanOrEqual(end);
              expect(box.y, where).toBeLessThanOrEqual(end + AFTER);
            });
          }
        }
      }
    });
  }
});

// 601 to 1023 px stacks the languages, as for a turn that does not pair, so paired turns alternate there too.
for (const width of [390, 600, 800]) {
  test(`on a screen ${width} px wide, each Chinese paragraph comes straight before its English partner`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const { slug, href, transcript } of corpus) {
      await page.goto(`${href}?lang=both`);
      const shown = await paragraphBoxes(page);
      for (const entry of transcript.turns) {
        const { zh, en } = shown[entry.number - 1]!;
        const labelled = [
          ...zh.map((box, index) => ({ ...box, label: `zh${index + 1}` })),
          ...en.map((box, index) => ({ ...box, label: `en${index + 1}` })),
        ].sort((a, b) => a.y - b.y);
        const expected = pairs(entry)
          ? zh.flatMap((_, index) => [`zh${index + 1}`, `en${index + 1}`])
          : [...zh.map((_, index) => `zh${index + 1}`), ...en.map((_, index) => `en${index + 1}`)];
        const where = `turn ${entry.number} of ${slug}`;
        expect(
          labelled.map((box) => box.label),
          where,
        ).toEqual(expected);
        // One column, nothing over anything.
        labelled.slice(1).forEach((box, index) => {
          expect(box.x, where).toBe(labelled[0]!.x);
          expect(box.y, where).toBeGreaterThanOrEqual(labelled[index]!.y + labelled[index]!.height);
        });
      }
    }
  });
}

/** The text of each paragraph of a node of the accessibility tree, in the tree's order. */
interface AxNode {
  nodeId: string;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  backendDOMNodeId?: number;
}

for (const width of [390, 1280]) {
  test(`screen readers read each language whole and in order, Chinese first (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${READER}?lang=both#turn-${JOSH}`);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const text = (node: AxNode): string =>
      node.role?.value === 'StaticText'
        ? (node.name?.value ?? '')
        : (node.childIds ?? []).map((id) => text(byId.get(id)!)).join('');
    const paragraphsOf = (node: AxNode) =>
      (node.childIds ?? [])
        .map((id) => byId.get(id)!)
        .filter((child) => child.role?.value === 'paragraph')
        .map(text);

    // The turn's text element, and its language blocks, each still a node of the tree.
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: `#turn-${JOSH} .turn-text, #turn-${JOSH} .turn-text > *`,
    });
    const [texts, ...blocks] = await Promise.all(
      nodeIds.map(async (nodeId) => {
        const { node } = await cdp.send('DOM.describeNode', { nodeId });
        const found = nodes.find((axNode) => axNode.backendDOMNodeId === node.backendNodeId);
        expect(found, `${node.localName} ${node.attributes?.join(' ')}`).toBeDefined();
        return { node: found!, lang: node.attributes?.[node.attributes.indexOf('lang') + 1] };
      }),
    );
    expect(texts!.node.childIds).toEqual(blocks.map((block) => block.node.nodeId));
    expect(blocks.map((block) => block.lang)).toEqual(['zh-Hans', 'en']);
    const entry = seed.transcript.turns[JOSH - 1]!;
    const spaced = (lines: string[]) => lines.map((line) => line.replace(/\s+/g, ' ').trim());
    expect(spaced(paragraphsOf(blocks[0]!.node))).toEqual(spaced(paragraphs(entry, 'zh')));
    expect(spaced(paragraphsOf(blocks[1]!.node))).toEqual(spaced(paragraphs(entry, 'en')));

    const axe = await new AxeBuilder({ page }).include('.turns').analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test(`copying a turn copies its Chinese, then its English, each whole (${width} px)`, async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${READER}?lang=both#turn-${JOSH}`);
    await turn(page, JOSH)
      .locator('.turn-text')
      .evaluate((element) => getSelection()!.selectAllChildren(element));
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const entry = seed.transcript.turns[JOSH - 1]!;
    expect(copied.split('\n').filter((line) => line.trim())).toEqual([
      ...paragraphs(entry, 'zh'),
      ...paragraphs(entry, 'en'),
    ]);
  });
}

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  const paragraph = (page: Page, language: 'zh' | 'en', index: number) =>
    (language === 'zh' ? chinese : english)(page, JOSH).locator('p').nth(index);
  const tint = (page: Page, language: 'zh' | 'en', index: number) =>
    paragraph(page, language, index).evaluate(
      (element) => getComputedStyle(element).backgroundColor,
    );

  test('a tap on a paragraph marks it and its partner, until the next tap elsewhere', async ({
    page,
  }) => {
    await page.goto(`${READER}?lang=both#turn-${JOSH}`);
    const plain = await tint(page, 'zh', 1);
    await paragraph(page, 'en', 1).tap();
    await expect.poll(() => tint(page, 'zh', 1)).not.toBe(plain);
    expect(await tint(page, 'en', 1)).not.toBe(plain);
    expect(await tint(page, 'zh', 0)).toBe(plain);
    // The finger has lifted; the mark stays.
    await page.waitForTimeout(300);
    expect(await tint(page, 'zh', 1)).not.toBe(plain);

    await paragraph(page, 'zh', 2).tap();
    await expect.poll(() => tint(page, 'en', 2)).not.toBe(plain);
    expect(await tint(page, 'en', 1)).toBe(plain);

    await turn(page, JOSH).getByRole('heading').tap();
    await expect.poll(() => tint(page, 'en', 2)).toBe(plain);
  });

  test('a finger scrolling over a paragraph marks nothing', async ({ page }) => {
    await page.goto(`${READER}?lang=both#turn-${JOSH}`);
    const plain = await tint(page, 'zh', 0);
    // A tap first, so the marks' code is there to mark, and a tap elsewhere to clear it.
    await paragraph(page, 'en', 0).tap();
    await expect.poll(() => tint(page, 'zh', 0)).not.toBe(plain);
    await turn(page, JOSH).getByRole('heading').tap();
    await expect.poll(() => tint(page, 'zh', 0)).toBe(plain);

    const start = (await paragraph(page, 'zh', 1).boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.synthesizeScrollGesture', {
      x: start.x + start.width / 2,
      y: Math.min(start.y + 20, 800),
      yDistance: -200,
      gestureSourceType: 'touch',
    });
    await page.waitForTimeout(300);
    for (const index of [0, 1, 2]) {
      expect(await tint(page, 'zh', index)).toBe(plain);
      expect(await tint(page, 'en', index)).toBe(plain);
    }
  });
});
