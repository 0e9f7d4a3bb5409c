/**
 * A dynamic route segment as the user's value. Next hands segments over still percent-encoded
 * (a session id "trip/1" arrives as "trip%2F1"); text that is not valid encoding stays as is.
 */
export function decodeRouteParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
