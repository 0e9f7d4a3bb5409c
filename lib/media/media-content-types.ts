/**
 * What a media announcement (POST /api/public/media) may name, as Langfuse's public API
 * defines it: its `field` enum and its fixed `MediaContentType` list (as of @langfuse/core 5.11).
 * Langfuse's server refuses anything else, so its SDKs announce nothing else.
 */

/** The payload fields a file can be referenced from. */
export const MEDIA_FIELDS = ["input", "output", "metadata"] as const;

export type MediaField = (typeof MEDIA_FIELDS)[number];

/** Langfuse's MediaContentType values, lowercase. */
export const MEDIA_CONTENT_TYPES: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/jpg",
  "image/webp",
  "image/gif",
  "image/svg+xml",
  "image/tiff",
  "image/bmp",
  "image/avif",
  "image/heic",
  "audio/mpeg",
  "audio/mp3",
  "audio/wav",
  "audio/ogg",
  "audio/oga",
  "audio/aac",
  "audio/mp4",
  "audio/flac",
  "audio/opus",
  "audio/webm",
  "video/mp4",
  "video/webm",
  "video/ogg",
  "video/mpeg",
  "video/quicktime",
  "video/x-msvideo",
  "video/x-matroska",
  "text/plain",
  "text/html",
  "text/css",
  "text/csv",
  "text/markdown",
  "text/x-python",
  "application/javascript",
  "text/x-typescript",
  "application/x-yaml",
  "application/pdf",
  "application/msword",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/zip",
  "application/json",
  "application/xml",
  "application/octet-stream",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/rtf",
  "application/x-ndjson",
  "application/vnd.apache.parquet",
  "application/gzip",
  "application/x-tar",
  "application/x-7z-compressed",
]);
