import { createHash } from "node:crypto";

import { z } from "zod";

import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/http/app-error";
import { readPositiveInteger } from "@/lib/ingest/ingest-limits";
import { readRequestBody } from "@/lib/ingest/read-request-body";
import { OtlpRequestError } from "@/lib/otlp/errors";

import { MEDIA_CONTENT_TYPES, MEDIA_FIELDS } from "./media-content-types";
import { signMediaGrant, verifyMediaGrant } from "./media-signature";
import { mediaIdOfHash } from "./media-tag";
import { recordMediaAnnouncement } from "./trace-media";

/**
 * Media files referenced from span payloads, in Langfuse's upload protocol so that its SDKs
 * work unchanged: the SDK asks for an upload URL (POST /api/public/media), PUTs the bytes to it
 * without credentials, as to a presigned S3 URL, then reports the outcome (PATCH). Files are
 * kept in Postgres, one per content hash and project.
 */

const MIB = 1024 * 1024;
const UPLOAD_URL_SECONDS = 3600;
const DOWNLOAD_URL_SECONDS = 3600;

/** `SIGHTLINE_MAX_MEDIA_BYTES`, 32 MiB by default. */
export function maxMediaBytes(): number {
  return readPositiveInteger("SIGHTLINE_MAX_MEDIA_BYTES", 32 * MIB);
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const optionalId = z.string().trim().min(1).max(200).nullish();

const UploadRequestZ = z.object({
  traceId: z.string().trim().min(1, "must not be empty").max(200),
  observationId: optionalId,
  datasetId: optionalId,
  datasetItemId: optionalId,
  contentType: z
    .string()
    .trim()
    .max(255)
    .regex(MEDIA_TYPE, "must be a media type like image/png")
    .transform((type) => type.toLowerCase())
    .refine((type) => MEDIA_CONTENT_TYPES.has(type), {
      error: (issue) =>
        `${String(issue.input)} is not among the media types Langfuse's API accepts ` +
        "(images, audio, video, text, PDF, office documents, JSON, archives...)",
    }),
  contentLength: z.number().int().positive(),
  sha256Hash: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "must be the SHA-256 of the content, base64-encoded"),
  field: z.enum(MEDIA_FIELDS, { error: `must be one of ${MEDIA_FIELDS.join(", ")}` }),
});

/**
 * Registers a file about to be uploaded for a trace and returns where to PUT it, or a null
 * uploadUrl when the project already holds this content. The id is derived from the hash, as
 * the SDKs expect. Each announcement links the file to its trace, so that it is deleted with
 * the last trace it was announced for.
 */
export async function requestMediaUpload(projectId: string, body: unknown, baseUrl: string) {
  const input = UploadRequestZ.parse(body);
  const limit = maxMediaBytes();
  if (input.contentLength > limit) {
    throw new AppError(
      "payload_too_large",
      `contentLength: ${input.contentLength} bytes is over the limit of ${limit}`,
    );
  }

  const mediaId = mediaIdOfHash(input.sha256Hash);
  const stored = await recordMediaAnnouncement({
    projectId,
    mediaId,
    sha256Hash: input.sha256Hash,
    contentType: input.contentType,
    contentLength: input.contentLength,
    traceId: input.traceId,
    observationId: input.observationId ?? null,
    field: input.field,
  });
  if (!stored) {
    // Two hashes sharing their first 132 bits: not a collision anyone will meet by chance.
    throw new AppError("conflict", "sha256Hash: another file of this project has this media id");
  }
  if (stored.uploadedAt) return { uploadUrl: null, mediaId };

  const expires = Math.floor(Date.now() / 1000) + UPLOAD_URL_SECONDS;
  const query = signMediaGrant({
    action: "upload",
    projectId,
    mediaId,
    expires,
    contentType: input.contentType,
    contentLength: input.contentLength,
  });
  return { uploadUrl: `${baseUrl}${contentPath(mediaId)}?${query.toString()}`, mediaId };
}

function contentPath(mediaId: string): string {
  return `/api/public/media/${encodeURIComponent(mediaId)}/content`;
}

/**
 * Takes the PUT of a file to its signed upload URL. The bytes must be those the URL was handed
 * out for: the media type and length of that announcement, and the file's SHA-256. The first
 * upload stores them with that type; a later one is a no-op.
 */
export async function receiveMediaUpload(mediaId: string, request: Request): Promise<void> {
  const grant = verifyMediaGrant("upload", mediaId, new URL(request.url).searchParams);
  if (!grant) {
    throw new AppError("forbidden", "signature: the upload URL is not valid or has expired");
  }
  const { projectId } = grant;
  const prisma = getPrisma();
  const media = await prisma.media.findUnique({
    where: { projectId_id: { projectId, id: mediaId } },
    select: { contentType: true, contentLength: true, sha256Hash: true, uploadedAt: true },
  });
  if (!media) throw new AppError("not_found", "Media not found");
  if (media.uploadedAt) return;

  // URLs signed before they carried their announcement are checked against the stored one.
  const contentType = grant.contentType ?? media.contentType;
  const contentLength = grant.contentLength ?? media.contentLength;
  const sentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (sentType !== contentType) {
    throw new AppError(
      "bad_request",
      `Content-Type: must be ${contentType}, as announced, not ${sentType ?? "(none)"}`,
    );
  }
  const content = await readRequestBody(request, contentLength).catch((error: unknown) => {
    if (!(error instanceof OtlpRequestError)) throw error;
    throw new AppError("payload_too_large", `body: ${error.message}`);
  });
  if (content.byteLength !== contentLength) {
    throw new AppError(
      "bad_request",
      `body: ${content.byteLength} bytes, but contentLength announced ${contentLength}`,
    );
  }
  if (createHash("sha256").update(content).digest("base64") !== media.sha256Hash) {
    throw new AppError("bad_request", "body: its SHA-256 is not the announced sha256Hash");
  }
  await prisma.media.updateMany({
    where: { projectId, id: mediaId, uploadedAt: null },
    data: { content: Buffer.from(content), contentType, contentLength, uploadedAt: new Date() },
  });
}

const UploadStatusZ = z.object({
  uploadedAt: z.iso.datetime({ offset: true }).nullish(),
  uploadHttpStatus: z.number().int().min(100).max(599),
  uploadHttpError: z.string().max(5000).nullish(),
  uploadTimeMs: z.number().int().min(0).nullish(),
});

/** The SDK's report of its upload (kept for troubleshooting; the PUT itself marks success). */
export async function recordMediaUploadStatus(projectId: string, mediaId: string, body: unknown) {
  const input = UploadStatusZ.parse(body);
  const updated = await getPrisma().media.updateMany({
    where: { projectId, id: mediaId },
    data: {
      uploadHttpStatus: input.uploadHttpStatus,
      uploadHttpError: input.uploadHttpError || null,
    },
  });
  if (updated.count === 0) throw new AppError("not_found", "Media not found");
}

/** An uploaded file's record with a signed download URL (Langfuse's GetMediaResponse). */
export async function getMediaRecord(projectId: string, mediaId: string, baseUrl: string) {
  const media = await getPrisma().media.findUnique({
    where: { projectId_id: { projectId, id: mediaId } },
    select: { contentType: true, contentLength: true, uploadedAt: true },
  });
  if (!media?.uploadedAt) throw new AppError("not_found", "Media not found or not uploaded yet");

  const expires = Math.floor(Date.now() / 1000) + DOWNLOAD_URL_SECONDS;
  const query = signMediaGrant({ action: "download", projectId, mediaId, expires });
  return {
    mediaId,
    contentType: media.contentType,
    contentLength: media.contentLength,
    uploadedAt: media.uploadedAt.toISOString(),
    url: `${baseUrl}${contentPath(mediaId)}?${query.toString()}`,
    urlExpiry: new Date(expires * 1000).toISOString(),
  };
}

/** The project a signed download query grants, or a 403. */
export function requireDownloadGrant(mediaId: string, query: URLSearchParams): string {
  const grant = verifyMediaGrant("download", mediaId, query);
  if (!grant) {
    throw new AppError("forbidden", "signature: the download URL is not valid or has expired");
  }
  return grant.projectId;
}

/**
 * A stored file as a response that cannot run in Sightline's origin: images, audio, video and
 * PDFs are shown inline under a sandboxing CSP; anything else (HTML, SVG, scripts...) is a
 * download of opaque bytes.
 */
export async function mediaContentResponse(projectId: string, mediaId: string) {
  const media = await getPrisma().media.findUnique({
    where: { projectId_id: { projectId, id: mediaId } },
    select: { contentType: true, content: true },
  });
  if (!media?.content) throw new AppError("not_found", "Media not found or not uploaded yet");

  const inline = INLINE_TYPE.test(media.contentType);
  return new Response(Buffer.from(media.content), {
    headers: {
      "content-type": inline ? media.contentType : "application/octet-stream",
      "content-disposition": inline ? "inline" : `attachment; filename="${mediaId}"`,
      "content-security-policy": "default-src 'none'; sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=3600",
    },
  });
}

const INLINE_TYPE = new RegExp(
  "^(image/(png|jpe?g|gif|webp|avif|bmp|tiff)|(audio|video)/[a-z0-9.+-]+|application/pdf)$",
);

/**
 * The address clients reached this server at, for URLs handed back to them: SIGHTLINE_PUBLIC_URL
 * when set (behind a proxy that rewrites the host), else the request's forwarded or Host header.
 */
export function publicBaseUrl(request: Request): string {
  const configured = process.env.SIGHTLINE_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ??
    request.headers.get("host") ??
    url.host;
  return `${proto === "https" || proto === "http" ? proto : url.protocol.slice(0, -1)}://${host}`;
}
