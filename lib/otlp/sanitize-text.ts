/**
 * Text hygiene for everything we store. Postgres text and jsonb cannot hold U+0000, and jsonb
 * refuses unpaired UTF-16 surrogates, so both are replaced rather than failing the span.
 */

const REPLACEMENT_CHARACTER = "\uFFFD";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE_TEXT =
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_SUSPECT_CHARACTER = /[\u0000\uD800-\uDFFF]/;

/** Replaces NUL characters and lone surrogates with U+FFFD; other text is returned unchanged. */
export function sanitizeText(text: string): string {
  if (!HAS_SUSPECT_CHARACTER.test(text)) return text;
  return text.replace(UNSTORABLE_TEXT, REPLACEMENT_CHARACTER);
}

/** False for text Postgres cannot store: a NUL character or an unpaired surrogate. */
export function isStorableText(text: string): boolean {
  if (!HAS_SUSPECT_CHARACTER.test(text)) return true;
  UNSTORABLE_TEXT.lastIndex = 0;
  const found = UNSTORABLE_TEXT.test(text);
  UNSTORABLE_TEXT.lastIndex = 0;
  return !found;
}

/** Nesting beyond which a parsed JSON value is cut, so sanitizing never exhausts the stack. */
export const MAX_SANITIZE_DEPTH = 128;

/**
 * Sanitizes every string (values and object keys) of a parsed JSON value at every depth. Values
 * nested deeper than MAX_SANITIZE_DEPTH are replaced by a marker string.
 */
export function sanitizeJsonValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return sanitizeText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_SANITIZE_DEPTH) return "[truncated: nested too deeply]";

  if (Array.isArray(value)) return value.map((item) => sanitizeJsonValue(item, depth + 1));

  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[sanitizeText(key)] = sanitizeJsonValue(item, depth + 1);
  }
  return result;
}
