import type { MaskFunction, SightlineOptions } from "./types";

/** {@link SightlineOptions} after defaults and environment variables were applied. */
export interface ResolvedConfig {
  baseUrl: string;
  publicKey: string | undefined;
  secretKey: string | undefined;
  environment: string | undefined;
  release: string | undefined;
  debug: boolean;
  mask: MaskFunction | undefined;
  maxQueueSize: number;
  flushIntervalMs: number;
  exportTimeoutMs: number;
  /** `${baseUrl}/api/public/otel/v1/traces` */
  tracesUrl: string;
  /** `${baseUrl}/api/public/scores` */
  scoresUrl: string;
  /** `Basic base64(publicKey:secretKey)`, or null when a key is missing. */
  authorization: string | null;
}

export const DEFAULT_BASE_URL = "http://localhost:3000";

/** Options win over `SIGHTLINE_*` variables, which win over defaults. Never throws. */
export function resolveConfig(
  options: SightlineOptions = {},
  env: Record<string, string | undefined> = process.env,
): ResolvedConfig {
  const baseUrl = (
    nonEmpty(options.baseUrl) ??
    nonEmpty(env.SIGHTLINE_BASE_URL) ??
    DEFAULT_BASE_URL
  )
    .trim()
    .replace(/\/+$/, "");
  const publicKey = nonEmpty(options.publicKey) ?? nonEmpty(env.SIGHTLINE_PUBLIC_KEY);
  const secretKey = nonEmpty(options.secretKey) ?? nonEmpty(env.SIGHTLINE_SECRET_KEY);

  return {
    baseUrl,
    publicKey,
    secretKey,
    environment: nonEmpty(options.environment) ?? nonEmpty(env.SIGHTLINE_ENVIRONMENT),
    release: nonEmpty(options.release) ?? nonEmpty(env.SIGHTLINE_RELEASE),
    debug: options.debug ?? parseBoolean(env.SIGHTLINE_DEBUG),
    mask: typeof options.mask === "function" ? options.mask : undefined,
    maxQueueSize: positiveInteger(options.maxQueueSize, 2048),
    flushIntervalMs: positiveInteger(options.flushIntervalMs, 1000),
    exportTimeoutMs: positiveInteger(options.exportTimeoutMs, 10_000),
    tracesUrl: `${baseUrl}/api/public/otel/v1/traces`,
    scoresUrl: `${baseUrl}/api/public/scores`,
    authorization:
      publicKey && secretKey
        ? `Basic ${Buffer.from(`${publicKey}:${secretKey}`).toString("base64")}`
        : null,
  };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function parseBoolean(value: string | undefined): boolean {
  return ["1", "true", "yes", "on"].includes((value ?? "").trim().toLowerCase());
}

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 1
    ? Math.floor(value)
    : fallback;
}
