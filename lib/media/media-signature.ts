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
  /**
   * What an upload URL's announcement said of the file, so that the PUT is checked against the
   * announcement that handed out this URL, whatever was announced since.
   */
  contentType?: string;
  contentLength?: number;
}

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set: media URLs cannot be signed");
  return value;
}

function sign(grant: MediaGrant): string {
  const fields = [grant.action, grant.projectId, grant.mediaId, grant.expires];
  // URLs signed before grants carried the announcement sign only the fields above.
  if (grant.contentType !== undefined || grant.contentLength !== undefined) {
    fields.push(grant.contentType ?? "", grant.contentLength ?? "");
  }
  return createHmac("sha256", secret()).update(fields.join("\n")).digest("base64url");
}

/**
 * The query string (project, expires, the announced type and length if any, signature) that
 * grants the action until `expires`.
 */
export function signMediaGrant(grant: MediaGrant): URLSearchParams {
  const query = new URLSearchParams({ project: grant.projectId, expires: String(grant.expires) });
  if (grant.contentType !== undefined) query.set("type", grant.contentType);
  if (grant.contentLength !== undefined) query.set("length", String(grant.contentLength));
  query.set("signature", sign(grant));
  return query;
}

/**
 * The grant a signed query gives for the action on the media; null when the signature does not
 * match or has expired.
 */
export function verifyMediaGrant(
  action: MediaAction,
  mediaId: string,
  query: URLSearchParams,
  now = Date.now(),
): MediaGrant | null {
  const projectId = query.get("project");
  const expires = Number(query.get("expires"));
  const signature = query.get("signature");
  if (!projectId || !signature || !Number.isSafeInteger(expires)) return null;
  if (expires * 1000 < now) return null;

  const grant: MediaGrant = { action, projectId, mediaId, expires };
  const contentType = query.get("type");
  const contentLength = query.get("length");
  if (contentType !== null) grant.contentType = contentType;
  if (contentLength !== null) {
    grant.contentLength = Number(contentLength);
    if (!Number.isSafeInteger(grant.contentLength)) return null;
  }

  const expected = Buffer.from(sign(grant));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? grant : null;
}
