/**
 * A 64-bit digest of text, computed as it streams: two 32-bit FNV-style
 * lanes with a final mix (after cyrb53). Not cryptographic: it names a
 * build's index so that no cache serves one build's files to another's
 * manifest, and the same content always gets the same name.
 */
export class Digest {
  #a = 0xdeadbeef;
  #b = 0x41c6ce57;

  update(text: string): void {
    let a = this.#a;
    let b = this.#b;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 2654435761);
      b = Math.imul(b ^ code, 1597334677);
    }
    // A separator, so that ["ab", "c"] and ["a", "bc"] differ.
    this.#a = Math.imul(a ^ 0xffff, 2654435761);
    this.#b = Math.imul(b ^ 0xffff, 1597334677);
  }

  /** Sixteen hex digits. */
  hex(): string {
    let a = this.#a;
    let b = this.#b;
    a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
    b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    return [b, a].map((lane) => (lane >>> 0).toString(16).padStart(8, '0')).join('');
  }
}
