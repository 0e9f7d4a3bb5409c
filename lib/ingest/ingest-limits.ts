import { DEFAULT_BODY_LIMITS, type BodyLimits } from "@/lib/otlp/decode-request";

/** Size limits of OTLP ingestion, read from the environment once per process. */
export interface IngestLimits {
  body: BodyLimits;
  /** Largest serialized JSON (UTF-8 bytes) kept for one input, output or metadata value. */
  maxIoBytes: number;
}

const MIB = 1024 * 1024;

let cachedLimits: IngestLimits | null = null;

/**
 * The limits from `SIGHTLINE_MAX_BODY_BYTES` (sent body, also the inflated size unless
 * `SIGHTLINE_MAX_INFLATED_BYTES` is set) and `SIGHTLINE_MAX_IO_BYTES` (default 1 MiB).
 */
export function getIngestLimits(): IngestLimits {
  if (cachedLimits) return cachedLimits;

  const maxBodyBytes = readPositiveInteger(
    "SIGHTLINE_MAX_BODY_BYTES",
    DEFAULT_BODY_LIMITS.maxBodyBytes,
  );
  const maxInflatedBytes = readPositiveInteger(
    "SIGHTLINE_MAX_INFLATED_BYTES",
    Math.max(maxBodyBytes, DEFAULT_BODY_LIMITS.maxInflatedBytes),
  );
  cachedLimits = {
    body: { maxBodyBytes, maxInflatedBytes },
    maxIoBytes: readPositiveInteger("SIGHTLINE_MAX_IO_BYTES", MIB),
  };
  return cachedLimits;
}

export function readPositiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;

  const value = Number(raw);
  // A typo must not silently lift a limit: anything but a positive integer falls back.
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}
