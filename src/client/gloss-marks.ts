/**
 * The glossary's marks in the English text (src/lib/transcript/gloss-marks.ts).
 * Their `title` shows the Chinese term to a pointer without JavaScript; here
 * each mark joins the tab order, so keyboard users reach it too, and the
 * tooltip (gloss-tips.ts) loads the first time a mark is pointed at or
 * focused. Kept to these few lines, importing only the tooltip's address
 * (src/integrations/chunk-url.ts says why): every reader page runs them.
 */
import tipsUrl from './gloss-tips.ts?chunk-url';

type Tips = typeof import('./gloss-tips.ts');

const MARK = '.turn-text .gloss';

const marks = document.querySelectorAll<HTMLElement>(MARK);
for (const mark of marks) mark.tabIndex = 0;

const events = ['pointerover', 'focusin'] as const;
const load = (event: Event) => {
  if (!(event.target instanceof Element) || !event.target.closest(MARK)) return;
  for (const type of events) document.removeEventListener(type, load);
  (import(/* @vite-ignore */ tipsUrl) as Promise<Tips>).then(
    ({ attach }) => attach(event, MARK),
    // Offline, say: the title still shows the term, and the next mark pointed at tries again.
    () => listen(),
  );
};
const listen = () => {
  for (const type of events) document.addEventListener(type, load);
};
if (marks.length > 0) listen();
