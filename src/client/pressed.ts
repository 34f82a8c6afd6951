/**
 * After a reading aid's or a text size's toggle changes `<html>`, the
 * toggles' `aria-pressed` are drawn again from it by the page's first
 * script (./language-control.ts), which listens for this event: the one
 * drawing of them. The name is written there too, as an inlined script may
 * share no module with code loaded later (src/integrations/chunk-url.ts
 * says why).
 */
export function reflectPressed(): void {
  document.dispatchEvent(new Event('duet:pressed'));
}
