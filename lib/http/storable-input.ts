import { isStorableText } from "../otlp/sanitize-text";
import { AppError } from "./app-error";

/**
 * Request input Postgres could not store or compare (a NUL character, an unpaired surrogate) is
 * refused up front with a 400 naming where it is, instead of failing deep in a query.
 */

const UNSTORABLE_MESSAGE = "must not contain NUL characters or unpaired surrogates";

/**
 * The path of the first string (object key or value) of a parsed JSON value that cannot be
 * stored, e.g. "metadata.k" or "batch.3.body.name"; null when every string is fine. Iterative,
 * so any nesting depth is safe.
 */
export function findUnstorableText(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: "" }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      if (!isStorableText(current)) return path || "(body)";
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: join(path, index) }));
    } else if (current !== null && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        if (!isStorableText(key)) return join(path, "(key)");
        stack.push({ value: item, path: join(path, key) });
      }
    }
  }
  return null;
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

/** Throws a 400 naming the first JSON field that cannot be stored. */
export function assertStorableJson(value: unknown): void {
  const path = findUnstorableText(value);
  if (path !== null) throw new AppError("bad_request", `Invalid ${path}: ${UNSTORABLE_MESSAGE}`);
}

/**
 * Throws a 400 naming the query parameter or path segment of a request URL that is not valid
 * percent-encoded UTF-8 or that decodes to unstorable text.
 */
export function assertStorableUrl(url: URL): void {
  for (const [key, value] of url.searchParams) {
    if (!isStorableText(key) || !isStorableText(value)) {
      throw new AppError("bad_request", `Invalid ${key || "query"}: ${UNSTORABLE_MESSAGE}`);
    }
  }
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new AppError("bad_request", `Invalid path segment ${segment}: not valid UTF-8`);
    }
    if (!isStorableText(decoded)) {
      throw new AppError("bad_request", `Invalid path segment ${segment}: ${UNSTORABLE_MESSAGE}`);
    }
  }
}
