import { OtlpRequestError } from "./errors";

/** The two OTLP/HTTP encodings. */
export type OtlpFormat = "protobuf" | "json";

export type OtlpContentEncoding = "gzip" | "identity";

const MEDIA_TYPES: Record<string, OtlpFormat> = {
  "application/x-protobuf": "protobuf",
  "application/json": "json",
};

/**
 * Reads the OTLP format from a Content-Type header. Parameters (`; charset=utf-8`) and case are
 * ignored; anything but the two OTLP media types is a 415.
 */
export function parseOtlpMediaType(contentType: string | null): OtlpFormat {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const format = MEDIA_TYPES[mediaType];
  if (format) return format;

  const shown = mediaType === "" ? "none" : JSON.stringify(mediaType.slice(0, 100));
  throw new OtlpRequestError(
    415,
    `Unsupported Content-Type ${shown}: use application/x-protobuf or application/json`,
  );
}

/** Reads Content-Encoding: gzip (or its alias x-gzip), identity, or absent. Else a 415. */
export function parseContentEncoding(contentEncoding: string | null): OtlpContentEncoding {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity") return "identity";
  if (encoding === "gzip" || encoding === "x-gzip") return "gzip";

  throw new OtlpRequestError(
    415,
    `Unsupported Content-Encoding ${JSON.stringify(encoding.slice(0, 100))}: use gzip or none`,
  );
}
