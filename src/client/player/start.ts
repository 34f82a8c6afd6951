/**
 * The player's part of a reader's first view, inlined by Player.astro on
 * a reader with a recording and nowhere else: what must answer at once.
 * A click on a turn's time plays from there within the click, as Safari
 * starts playback only within a gesture; Follow 跟随 toggles. The rest
 * (the turn being spoken marked and followed, a failure said, `?t=`) is
 * ./player.ts's, loaded on the first play or failure, or when the address
 * asks for something. It imports only that code's address
 * (src/integrations/chunk-url.ts says why).
 */
import playerUrl from './player.ts?chunk-url';

type Player = typeof import('./player.ts');

export function startPlayer(): void {
  // The recording, the player's first child (Player.astro).
  const media = document.querySelector<HTMLMediaElement>('.player>*')!;
  // Follow 跟随, right after the recording (Player.astro).
  const follow = media.nextElementSibling as HTMLButtonElement;
  let loading: Promise<unknown> | undefined;
  const load = () => {
    loading ??= (import(/* @vite-ignore */ playerUrl) as Promise<Player>).then(
      (player) => player.start(media, follow),
      // Offline, say: the next play tries again.
      () => (loading = undefined),
    );
  };

  // After the page's first script's own listeners (src/client/reader.ts), which leave a time alone.
  addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('.turn h2+a');
    // A recording that failed leaves the times links to it; a modified click opens it as asked.
    const { button, ctrlKey, metaKey, shiftKey, altKey } = event;
    if (!link || media.error || button || ctrlKey || metaKey || shiftKey || altKey) return;
    event.preventDefault();
    // The link's own time, `#t=754`.
    media.currentTime = Number(link.hash.slice(3));
    // A recording that cannot play says so (./player.ts), through its error event.
    media.play().catch(() => undefined);
    load();
  });
  follow.addEventListener('click', () => {
    follow.ariaPressed = String(follow.ariaPressed !== 'true');
  });
  for (const type of ['play', 'error']) media.addEventListener(type, load);
  if (media.error || location.search) load();
}
