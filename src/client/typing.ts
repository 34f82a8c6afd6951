/**
 * Whether a key pressed at `target` is typed into a field: a form field or
 * editable text. The page's own shortcuts (`/`, `j`, `?` …) leave such keys
 * alone, so a reader can type them.
 */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    Boolean(element?.isContentEditable) || /^(INPUT|TEXTAREA|SELECT)$/.test(element?.tagName ?? '')
  );
}
