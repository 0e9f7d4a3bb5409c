import { isStorableText } from "../otlp/sanitize-text";

/**
 * A dynamic route segment as the user's value. Next hands segments over still percent-encoded
 * (a session id "trip/1" arrives as "trip%2F1"); text that is not valid encoding, or that decodes
 * to what no stored id can hold (NUL, unpaired surrogates), stays as sent and so finds nothing.
 */
export function decodeRouteParam(segment: string): string {
  try {
    const decoded = decodeURIComponent(segment);
    return isStorableText(decoded) ? decoded : segment;
  } catch {
    return segment;
  }
}
