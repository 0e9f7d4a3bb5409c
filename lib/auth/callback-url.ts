/**
 * Where to go after signing in. The target comes from the address bar (`?callbackUrl=`), so it
 * is attacker-controlled: only a path on this app is kept, anything else falls back to the home.
 */

/** Where a missing or refused callback leads. */
export const HOME_PATH = "/";

/** Request header through which proxy.ts tells server components the page being requested. */
export const PAGE_PATH_HEADER = "x-sightline-page-path";

/** Any origin works: it is only compared with what the parsed target resolves to. */
const PROBE_ORIGIN = "http://sightline.invalid";

/** A same-origin path (with its query and fragment) from an untrusted callback, or the home. */
export function sanitizeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return HOME_PATH;
  }

  // The WHATWG parser reads the target as a browser would: it drops tabs and newlines and takes
  // "\" for "/", so "/\evil.com" or "/\t/evil.com" resolve to another host and are refused here.
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== PROBE_ORIGIN) return HOME_PATH;

  // A path that normalizes to "//host" (from "/.//host") would read as protocol-relative.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? HOME_PATH : path;
}

/** The sign-in page, carrying the page to come back to unless that is the home. */
export function signInPath(callbackUrl: string | null | undefined): string {
  const target = sanitizeCallbackUrl(callbackUrl);
  if (target === HOME_PATH) return "/sign-in";
  return `/sign-in?${new URLSearchParams({ callbackUrl: target }).toString()}`;
}
