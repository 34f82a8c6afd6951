/**
 * Whether a key pressed at `target` is typed into a field, which the page's
 * shortcuts leave alone. Part of the first view's script (./page.ts): the
 * search's shortcuts ask it, and the reader's script hands no key typed in
 * a field to the reader's actions. Nothing loaded later imports it
 * (src/integrations/chunk-url.ts says why).
 */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    Boolean(element?.isContentEditable) || /^(INPUT|TEXTAREA|SELECT)$/.test(element?.tagName ?? '')
  );
}
