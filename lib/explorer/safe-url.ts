/**
 * Links found in span content are untrusted. Only absolute http(s) and mailto URLs become links;
 * everything else (javascript:, data:, vbscript:, file:, relative paths that would hit
 * Sightline itself with the viewer's cookies) is shown as text.
 */
const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The normalized URL when it is safe to offer as a link, else null. */
export function safeLinkHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // The WHATWG parser is the one the browser would use, so "java\tscript:" or " javascript:"
  // yield the same protocol here as on click, and the normalized href is what gets rendered.
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** The rel every link to span content gets: no opener, no referrer, no endorsement. */
export const UNTRUSTED_LINK_REL = "noopener noreferrer nofollow";
