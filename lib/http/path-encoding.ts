/**
 * Whether every percent-escape of a URL path decodes to UTF-8. Next's router decodes dynamic
 * segments before any route runs and answers a plain 500 when it cannot, so proxy.ts refuses
 * such paths first with a 400.
 */
export function hasValidPathEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const INVALID_PATH_MESSAGE = "Invalid path: not valid percent-encoded UTF-8";
