/**
 * The reader's aids, as the first view carries them: only what notices a
 * reader asking for one. The keys `j`, `k` and `?`, a shift-click on a
 * turn's number, an address naming a range of turns or one speaker, a
 * pointer or the focus on a paragraph in Both mode: each loads its aid's
 * code the first time (src/client/reading-aids/). The speaker list's names
 * become links to one speaker's turns here, since that view needs script.
 */
import { SPEAKER_PARAM, speakerHref } from '../lib/speaker-address.ts';
import { isTyping } from './typing.ts';

/** Loads a module on its first use; a load that fails (offline, say) is tried again on the next. */
function lazy<T>(load: () => Promise<T>): (use: (module: T) => unknown) => Promise<unknown> {
  let loading: Promise<T> | undefined;
  return (use) => {
    loading ??= load();
    return loading.then(use, () => (loading = undefined));
  };
}

const turnKeys = lazy(() => import('./reading-aids/turn-keys.ts'));
const shortcuts = lazy(() => import('./reading-aids/shortcuts.ts'));
const ranges = lazy(() => {
  // Once loaded, the range module follows the address itself.
  window.removeEventListener('hashchange', followRange);
  return import('./reading-aids/turn-range.ts');
});
const partners = lazy(() => import('./reading-aids/partners.ts'));
const oneSpeaker = lazy(() => import('./reading-aids/one-speaker.ts'));

document.addEventListener('keydown', (event) => {
  const target = event.target as Element;
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  // In the shortcuts' dialog, or in a field, the keys are the dialog's or the field's.
  if (isTyping(target) || target.closest?.('dialog')) return;
  if (event.key === 'j' || event.key === 'k') {
    event.preventDefault();
    const step = event.key === 'j' ? 1 : -1;
    void turnKeys(({ move }) => move(step));
  } else if (event.key === '?') {
    event.preventDefault();
    void shortcuts(({ openShortcuts }) => openShortcuts());
  }
});

// A shift-click, or Shift+Enter, on a turn's number selects turns instead of opening a window.
document.addEventListener('click', (event) => {
  const link = event.shiftKey && (event.target as Element).closest?.('.turn .permalink');
  const turn = link && link.closest('.turn');
  if (!turn) return;
  event.preventDefault();
  // A click the keyboard made has no pointer's count of clicks.
  const byKeyboard = event.detail === 0;
  void ranges(({ selectTo }) => selectTo(turn, byKeyboard));
});

/** An address naming a range of turns, `#turn-3-5`, loads the range module, which reads it whole. */
function followRange() {
  if (/^#turn-\d+-\d+$/.test(location.hash)) void ranges(({ follow }) => follow());
}
window.addEventListener('hashchange', followRange);

/** Partner paragraphs are marked in Both mode; the first paragraph pointed at or focused there loads them. */
function startPartners(event: Event) {
  const paragraph = (event.target as Element).closest?.('.turn-text p');
  if (!paragraph || document.documentElement.dataset.lang !== 'both') return;
  document.removeEventListener('pointerover', startPartners);
  document.removeEventListener('focusin', startPartners);
  void partners(({ start }) => start(paragraph));
}
document.addEventListener('pointerover', startPartners);
document.addEventListener('focusin', startPartners);

for (const name of document.querySelectorAll('.speaker-list .speaker-name')) {
  const link = document.createElement('a');
  link.textContent = name.textContent;
  link.href = speakerHref(location.href, link.text);
  name.replaceChildren(link);
}

// One speaker's turns first, so a range or a permalink is then found where that view puts it.
const speaker = new URLSearchParams(location.search).get(SPEAKER_PARAM);
void (async () => {
  if (speaker) await oneSpeaker(({ showOnly }) => showOnly(speaker));
  followRange();
})();
