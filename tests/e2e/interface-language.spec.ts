/**
 * The page speaks the reader's language (CONTRACT.md, "The reader page"):
 * on every kind of page, the interface's text is Chinese in 中文 mode,
 * English in English mode, and both in Both. The text is read as a reader
 * meets it: every rendered text node of the page (what is visually hidden
 * for screen readers too) and the attributes a reader sees or hears
 * (`placeholder`, `aria-label`). What is not the interface's is left out
 * by where it stands on the page: the turns, the front matter's fields,
 * the glossary's terms, names; and the few names the contract keeps the
 * same in every mode.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { initialOf } from '../../src/lib/glossary-index.ts';
import { seed } from '../support/corpus.ts';
import { at, languageControl, READER } from './pages.ts';

const modes = ['zh', 'en', 'both'] as const;
type Mode = (typeof modes)[number];

/**
 * Kept the same in every mode by the contract: the language options and
 * their group's name ("Language"), the search field's name ("Search"), 繁體.
 */
const KEPT = ['.language-control', '[data-aid="traditional"]'];
const KEPT_NAMES = '.search-form, .search-input';

interface PageKind {
  name: string;
  path: string;
  /** Where the page shows what is not the interface's: text inside these is left out. */
  content: string[];
  /** Elements whose own text (not their children's) is not the interface's. */
  ownText?: string[];
}

const PAGES: PageKind[] = [
  {
    name: 'the home page',
    path: '/',
    content: ['.site-name', '.transcript-card h2', '.transcript-card .description'],
    // The speakers' names, as text or each in a span of its own; the list's label inside it is
    // the interface's.
    ownText: ['.speaker-names', '.speaker-names > :not(.visually-hidden)'],
  },
  {
    name: 'a reader',
    path: READER,
    content: [
      '.site-name',
      '.turns',
      '.transcript-header h1',
      '.transcript-header .lead',
      '.transcript-header .event',
      '.speaker-list',
    ],
  },
  {
    name: 'a transcript’s glossary',
    path: `${READER}glossary/`,
    // The link back names the transcript; each row's terms.
    content: [
      '.site-name',
      '.glossary .back',
      '.glossary-table tbody th',
      '.glossary-table tbody td[lang]',
    ],
  },
  {
    name: 'the site’s glossary',
    path: '/glossary/',
    // The initials (letters of pinyin), and the terms that begin and end a page of one.
    content: ['.site-name', '.glossary-index .initial', '.glossary-index ol a'],
  },
  {
    name: 'a page of the site’s glossary',
    path: `/glossary/${initialOf(seed.transcript.glossary[0]!)}/`,
    // Its initial and the others, each row's terms, and the transcripts that gloss them, by title.
    content: [
      '.site-name',
      '.glossary-initial',
      '.glossary-initials a',
      '.glossary-table tbody th',
      '.glossary-table tbody td[lang]',
      '.glossary-turns a',
    ],
  },
  { name: 'the 404 page', path: '/no-such-page/', content: ['.site-name'] },
];

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

interface Said {
  text: string;
  /** The `lang` it is voiced in: its nearest element's that has one. */
  lang: string;
}

interface Interface {
  /** Text nodes, in the order of the page. */
  texts: Said[];
  /** `placeholder` and `aria-label` values, in the order of the page. */
  attributes: string[];
}

/** The interface's text as a reader meets it in the page. */
function interfaceOf(page: Page, kind: PageKind): Promise<Interface> {
  return page.evaluate(
    ({ within, own, names }) => {
      const texts: Said[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('script, style')) continue;
        if (!parent.checkVisibility({ visibilityProperty: true })) continue;
        if (parent.closest(within) || (own && parent.matches(own))) continue;
        texts.push({ text, lang: parent.closest('[lang]')?.getAttribute('lang') ?? '' });
      }
      const attributes: string[] = [];
      for (const element of document.body.querySelectorAll('[placeholder], [aria-label]')) {
        if (element.closest(within) || element.matches(names)) continue;
        for (const name of ['placeholder', 'aria-label']) {
          const text = element.getAttribute(name);
          if (text) attributes.push(text);
        }
      }
      return { texts, attributes };
    },
    {
      within: [...kind.content, ...KEPT].join(', '),
      own: kind.ownText?.join(', '),
      names: KEPT_NAMES,
    },
  );
}

const open = (page: Page, path: string, mode: Mode) =>
  page.goto(`${path}?lang=${mode}`, { waitUntil: 'networkidle' });

for (const kind of PAGES) {
  test.describe(kind.name, () => {
    test('speaks Chinese in 中文 mode, English in English mode, and both in Both', async ({
      page,
    }) => {
      const seen = {} as Record<Mode, Interface>;
      for (const mode of modes) {
        await open(page, kind.path, mode);
        await expect(page.locator('html')).toHaveAttribute(
          'lang',
          mode === 'zh' ? 'zh-Hans' : 'en',
        );
        seen[mode] = await interfaceOf(page, kind);
      }
      const words = (said: Said[]) => said.filter(({ text }) => HAN.test(text) || LATIN.test(text));
      const { zh, en, both } = seen;

      expect(words(zh.texts).length).toBeGreaterThan(0);
      expect(zh.texts.filter(({ text }) => LATIN.test(text))).toEqual([]);
      expect(zh.attributes.filter((text) => LATIN.test(text))).toEqual([]);
      expect(en.texts.filter(({ text }) => HAN.test(text))).toEqual([]);
      expect(en.attributes.filter((text) => HAN.test(text))).toEqual([]);
      // Both says all that English mode says and all that 中文 mode says, and nothing else.
      const sorted = (said: Said[]) =>
        words(said)
          .map(({ text }) => text)
          .sort();
      expect(sorted(both.texts)).toEqual(sorted([...en.texts, ...zh.texts]));
      expect(both.attributes).toEqual(
        en.attributes.map((text, index) => `${text} ${zh.attributes[index]}`),
      );

      // Each text is voiced in its own language, whatever the page's.
      for (const mode of modes) {
        for (const { text, lang } of words(seen[mode].texts)) {
          const expected = HAN.test(text) ? /^zh/ : /^en/;
          expect(lang, `“${text}” in ${mode} mode`).toMatch(expected);
        }
      }
    });

    test('keeps the names the contract gives in every mode, and axe finds nothing', async ({
      page,
    }) => {
      test.slow();
      for (const mode of modes) {
        await open(page, kind.path, mode);
        const control = languageControl(page);
        for (const name of ['中文', 'English', 'Both']) {
          await expect(control.getByRole('button', { name, exact: true })).toBeVisible();
        }
        await expect(control.getByRole('button', { pressed: true })).toHaveAttribute(
          'data-mode',
          mode,
        );
        await expect(page.getByRole('searchbox', { name: /Search/ })).toBeAttached();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((violation) => `${mode}: ${violation.id}`)).toEqual([]);
      }
    });
  });
}

test('the language is chosen on the home page, and every page follows the choice', async ({
  page,
  baseURL,
}) => {
  await page.goto(at(baseURL, '/'));
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Transcripts 文稿', { useInnerText: true });
  await languageControl(page).getByRole('button', { name: '中文', exact: true }).click();
  await expect(heading).toHaveText('文稿', { useInnerText: true });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('searchbox', { name: /Search/ })).toHaveAttribute(
    'placeholder',
    '搜索原话',
  );
  await expect(
    languageControl(page).getByRole('button', { name: '中文', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(heading).toHaveText('文稿', { useInnerText: true });
  await page.goto(at(baseURL, READER));
  await expect(page.locator('.transcript-header .back')).toHaveText('← 全部文稿', {
    useInnerText: true,
  });
  await page.goto(at(baseURL, '/no-such-page/'));
  await expect(heading).toHaveText('找不到页面', { useInnerText: true });

  await languageControl(page).getByRole('button', { name: 'English', exact: true }).click();
  await expect(heading).toHaveText('Page not found', { useInnerText: true });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto(at(baseURL, '/glossary/'));
  await expect(heading).toHaveText('Glossary', { useInnerText: true });
});
