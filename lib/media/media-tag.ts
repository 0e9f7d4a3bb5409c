/**
 * Langfuse's media reference, which its SDKs put in span payloads in place of base64 data:
 * `@@@langfuseMedia:type=image/png|id=<22 characters>|source=base64_data_uri@@@`.
 */
export interface MediaTag {
  contentType: string;
  mediaId: string;
  source: string;
}

const TAG =
  /@@@langfuseMedia:type=([^|@]{1,255})\|id=([A-Za-z0-9_-]{1,64})\|source=([^|@]{1,64})@@@/g;

/** The text split into plain strings and media tags, in order (no tag: the text alone). */
export function splitMediaTags(text: string): Array<string | MediaTag> {
  if (!text.includes("@@@langfuseMedia:")) return [text];
  const parts: Array<string | MediaTag> = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const [whole, contentType = "", mediaId = "", source = ""] = match;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ contentType, mediaId, source });
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The tag when the whole text is one (an image part's url, say), else null. */
export function readMediaTag(text: string): MediaTag | null {
  const parts = splitMediaTags(text.trim());
  const [only] = parts;
  return parts.length === 1 && typeof only !== "string" && only ? only : null;
}

/**
 * The media id of a content hash, as Langfuse's SDKs compute it: the SHA-256 in URL-safe
 * base64, first 22 characters.
 */
export function mediaIdOfHash(sha256Base64: string): string {
  return sha256Base64.replaceAll("+", "-").replaceAll("/", "_").slice(0, 22);
}
