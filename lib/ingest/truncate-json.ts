/**
 * Size guards for what the batch writer stores: large JSON values become an explicit marker
 * with their original size, and indexed text is cut to what a btree entry can hold.
 */

/** What replaces a JSON value too large to store. */
export interface TruncationMarker {
  __truncated: true;
  /** UTF-8 bytes of the value's serialized JSON. */
  originalSize: number;
  /** The beginning of that JSON text, cut on a character boundary. */
  preview: string;
}

/** Room for the marker's keys and the originalSize digits around the preview. */
const MARKER_OVERHEAD_BYTES = 80;

/**
 * The JSON text to store for a value, or null for null/undefined. A value whose JSON exceeds
 * maxBytes (UTF-8) is replaced by a TruncationMarker that itself fits in maxBytes.
 */
export function serializeJsonWithLimit(value: unknown, maxBytes: number): string | null {
  if (value === null || value === undefined) return null;

  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return null;

  // No UTF-16 code unit takes more than three UTF-8 bytes, so short text needs no counting.
  if (text.length * 3 <= maxBytes) return text;
  const size = Buffer.byteLength(text, "utf8");
  if (size <= maxBytes) return text;
  return JSON.stringify(buildTruncationMarker(text, size, maxBytes));
}

/** A marker for `text` whose serialized form fits in maxBytes (escaping can grow the preview). */
export function buildTruncationMarker(
  text: string,
  originalSize: number,
  maxBytes: number,
): TruncationMarker {
  let budget = Math.max(0, maxBytes - MARKER_OVERHEAD_BYTES);
  for (;;) {
    const marker: TruncationMarker = {
      __truncated: true,
      originalSize,
      preview: cutUtf8Prefix(text, budget),
    };
    if (budget === 0 || Buffer.byteLength(JSON.stringify(marker), "utf8") <= maxBytes) {
      return marker;
    }
    budget = Math.floor(budget / 2);
  }
}

/**
 * The longest prefix of `text` whose UTF-8 encoding fits in maxBytes. A surrogate pair is kept
 * or dropped whole, so the prefix never ends in half a character.
 */
export function cutUtf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    let width = 3;
    let units = 1;
    if (code < 0x80) width = 1;
    else if (code < 0x800) width = 2;
    else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) {
      width = 4;
      units = 2;
    }

    if (bytes + width > maxBytes) break;
    bytes += width;
    index += units;
  }
  return text.slice(0, index);
}

/**
 * Text for an indexed column, cut to maxBytes of UTF-8 with a warning naming the field; btree
 * entries cannot exceed about 2.7 kB, so an unbounded name or user id would fail the insert.
 */
export function limitIndexedText(
  value: string | null,
  field: string,
  maxBytes: number,
  warnings: string[],
): string | null {
  if (value === null || value.length * 3 <= maxBytes) return value;

  const size = Buffer.byteLength(value, "utf8");
  if (size <= maxBytes) return value;
  const cut = cutUtf8Prefix(value, maxBytes);
  warnings.push(`${field} is ${size} bytes; truncated to ${Buffer.byteLength(cut, "utf8")}`);
  return cut;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
