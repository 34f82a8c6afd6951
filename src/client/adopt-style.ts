/**
 * Styles a lazily loaded module brings with it, adopted by the document
 * as a constructed sheet rather than inlined in every page: a `<style>`
 * element would need a hash in the page's Content-Security-Policy, a
 * constructed sheet needs none.
 */
export function adoptStyle(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
