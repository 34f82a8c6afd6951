/**
 * Decodes a transcript file's bytes as UTF-8, or says where they stop being
 * UTF-8. A file in another encoding is reported, never shown as mojibake.
 */
import type { LocatedMessage } from './problem.ts';

export type Decoded = { ok: true; text: string } | { ok: false; problem: LocatedMessage };

// ignoreBOM keeps a byte-order mark in the text: parse.ts drops it, in one place (source.ts).
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// ignoreBOM keeps a byte-order mark in the text, so that text and bytes stay aligned.
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const REPLACEMENT = '\uFFFD';
const SAVE_AS_UTF8 = 'save it with the UTF-8 encoding and try again';

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    if (isUtf16(bytes)) {
      return {
        ok: false,
        problem: { line: 1, message: `this file is UTF-16 text, not UTF-8: ${SAVE_AS_UTF8}` },
      };
    }
    return { ok: false, problem: firstInvalidByte(bytes) };
  }
}

/** Windows editors save "Unicode" text as UTF-16, which starts with its byte-order mark. */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * The line and column of the first byte that is not UTF-8. Before it, every
 * character decoded is exactly its own UTF-8 bytes, so counting them finds it.
 */
function firstInvalidByte(bytes: Uint8Array): LocatedMessage {
  let offset = 0;
  let line = 1;
  let column = 1;
  for (const character of lenient.decode(bytes)) {
    if (character === REPLACEMENT && !isEncodedReplacement(bytes, offset)) break;
    offset += utf8Length(character);
    if (character === '\n') {
      line++;
      column = 1;
    } else if (!(offset === 3 && character === '\uFEFF')) column++;
  }
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    line,
    column,
    message: `this file is not UTF-8 text (the byte 0x${byte} here is not UTF-8; the file may be saved as GBK, Big5 or Windows-1252): ${SAVE_AS_UTF8}`,
  };
}

/** A U+FFFD the file really holds, rather than one standing in for bytes that are not UTF-8. */
function isEncodedReplacement(bytes: Uint8Array, offset: number): boolean {
  return bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
}

function utf8Length(character: string): number {
  const code = character.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
