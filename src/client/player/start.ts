/**
 * The player's part of a reader's first view, inlined by Player.astro on
 * a reader with a recording and nowhere else: what must answer before
 * ./player.ts can. A click on a turn's time plays from there within the
 * click, as Safari starts playback only within a gesture; Follow 跟随
 * toggles at its first press. Everything else is ./player.ts's, which runs
 * as it is first imported: on the first play or failure, or when the
 * address asks for something (`?t=`). This imports only that module's
 * address (src/integrations/chunk-url.ts says why).
 */
import playerUrl from './player.ts?chunk-url';

// The recording, the player's first child, then Follow 跟随 (Player.astro).
const media = document.querySelector<HTMLMediaElement>('.player>*')!;
const follow = media.nextElementSibling as HTMLButtonElement;
let loading: Promise<unknown> | undefined;
const load = () => {
  // Offline, say: the next play tries again.
  loading ??= import(/* @vite-ignore */ playerUrl).catch(() => (loading = undefined));
};

// After the page's first script's own listeners (src/client/reader.ts), which leave a time alone.
addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('.turn h2+a');
  // A recording that failed leaves the times links to it; a modified click opens it as asked.
  if (
    !link ||
    media.error ||
    event.button ||
    event.ctrlKey ||
    event.metaKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  // The link's own time, `#t=754`.
  media.currentTime = Number(link.hash.slice(3));
  // A recording that cannot play says so (./player.ts), through its error event.
  media.play().catch(() => {});
  load();
});
follow.addEventListener('click', () => {
  follow.ariaPressed = String(follow.ariaPressed !== 'true');
});
for (const type of ['play', 'error']) media.addEventListener(type, load);
if (media.error || location.search) load();
