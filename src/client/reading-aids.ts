/**
 * The reader's aids, as the first view carries them: only what notices a
 * reader asking for one. The keys `j`, `k` and `?`, a shift-click on a
 * turn's number, an address naming a range of turns or one speaker, a
 * pointer or the focus on a paragraph in Both mode: each loads its aid's
 * code the first time (src/client/reading-aids/). The speaker list's names
 * become links to one speaker's turns here, since that view needs script.
 */
import { allSpeakersHref, SPEAKER_PARAM, speakerHref } from '../lib/speaker-address.ts';
// Each aid is a chunk of its own, loaded by its address (src/integrations/chunk-url.ts says why).
import keyboardUrl from './reading-aids/keyboard.ts?chunk-url';
import rangesUrl from './reading-aids/turn-range.ts?chunk-url';
import partnersUrl from './reading-aids/partners.ts?chunk-url';
import oneSpeakerUrl from './reading-aids/one-speaker.ts?chunk-url';

/** Loads a module on its first use; a load that fails (offline, say) is tried again on the next. */
function lazy<T>(url: string): (use: (module: T) => unknown) => Promise<unknown> {
  let loading: Promise<T> | undefined;
  return (use) => {
    loading ??= import(/* @vite-ignore */ url) as Promise<T>;
    return loading.then(use, () => (loading = undefined));
  };
}

const keyboard = lazy<typeof import('./reading-aids/keyboard.ts')>(keyboardUrl);
// Once loaded, the range module follows the address itself as well: following it twice changes nothing.
const ranges = lazy<typeof import('./reading-aids/turn-range.ts')>(rangesUrl);
const partners = lazy<typeof import('./reading-aids/partners.ts')>(partnersUrl);
const oneSpeaker = lazy<typeof import('./reading-aids/one-speaker.ts')>(oneSpeakerUrl);

/** Whether a key is typed into a field: the search field's element keeps the page's one rule. */
function isTyping(target: EventTarget | null): boolean {
  const search = customElements.get('site-search') as unknown as
    { isTyping(target: EventTarget | null): boolean } | undefined;
  // Without it, a key might be typed anywhere: the shortcuts stay off.
  return search?.isTyping(target) ?? true;
}

document.addEventListener('keydown', (event) => {
  const target = event.target as Element;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  // In the shortcuts' dialog, or in a field, the keys are the dialog's or the field's.
  if (isTyping(target) || target.closest('dialog')) return;
  if (event.key === 'j' || event.key === 'k') {
    event.preventDefault();
    const step = event.key === 'j' ? 1 : -1;
    void keyboard(({ move }) => move(step));
  } else if (event.key === '?') {
    event.preventDefault();
    void keyboard(({ openShortcuts }) => openShortcuts());
  }
});

// A shift-click, or Shift+Enter, on a turn's number selects turns instead of opening a window.
document.addEventListener('click', (event) => {
  const link = event.shiftKey && (event.target as Element).closest('.turn .permalink');
  const turn = link && link.closest('.turn');
  if (!turn) return;
  event.preventDefault();
  // A click the keyboard made has no pointer's count of clicks.
  const byKeyboard = !event.detail;
  void ranges(({ selectTo }) => selectTo(turn, byKeyboard));
});

/** An address naming a range of turns, `#turn-3-5`, loads the range module, which reads it whole. */
function followRange() {
  if (/^#turn-\d+-\d+$/.test(location.hash)) void ranges(({ follow }) => follow());
}
window.addEventListener('hashchange', followRange);

/** Partner paragraphs are marked in Both mode; the first paragraph pointed at or focused there loads them. */
function startPartners(event: Event) {
  const paragraph = (event.target as Element).closest('.turn-text p');
  if (!paragraph || document.documentElement.dataset.lang !== 'both') return;
  document.removeEventListener('pointerover', startPartners);
  document.removeEventListener('focusin', startPartners);
  void partners(({ start }) => start());
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
  if (speaker)
    await oneSpeaker(({ showOnly }) => showOnly(speaker, allSpeakersHref(location.href)));
  followRange();
})();
