import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed media URLs: the upload URL handed to an SDK (which PUTs without credentials, as to a
 * presigned S3 URL) and download links. An HMAC over what the URL may do, keyed with the app's
 * AUTH_SECRET, with an expiry.
 */

export type MediaAction = "upload" | "download";

export interface MediaGrant {
  action: MediaAction;
  projectId: string;
  mediaId: string;
  /** Unix seconds. */
  expires: number;
}

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set: media URLs cannot be signed");
  return value;
}

function sign(grant: MediaGrant): string {
  const message = [grant.action, grant.projectId, grant.mediaId, grant.expires].join("\n");
  return createHmac("sha256", secret()).update(message).digest("base64url");
}

/** The query string (project, expires, signature) that grants the action until `expires`. */
export function signMediaGrant(grant: MediaGrant): URLSearchParams {
  return new URLSearchParams({
    project: grant.projectId,
    expires: String(grant.expires),
    signature: sign(grant),
  });
}

/**
 * The project a signed query grants the action on the media for; null when the signature does
 * not match or has expired.
 */
export function verifyMediaGrant(
  action: MediaAction,
  mediaId: string,
  query: URLSearchParams,
  now = Date.now(),
): string | null {
  const projectId = query.get("project");
  const expires = Number(query.get("expires"));
  const signature = query.get("signature");
  if (!projectId || !signature || !Number.isSafeInteger(expires)) return null;
  if (expires * 1000 < now) return null;

  const expected = Buffer.from(sign({ action, projectId, mediaId, expires }));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? projectId : null;
}
