/**
 * Back-pressure for OTLP ingestion: how many export requests, and how many body bytes, one app
 * process works on at once. Past either limit a new request is refused with 429 and Retry-After,
 * which OTLP exporters treat as "retry later", instead of the process queueing without bound
 * (memory) or waiting on an exhausted database pool. A request arriving while nothing is in
 * flight is always admitted, so one body up to the size limit always gets through.
 */
export interface AdmissionLimits {
  maxRequests: number;
  maxBytes: number;
}

export class IngestAdmission {
  private requests = 0;
  private bytes = 0;

  constructor(private readonly limits: AdmissionLimits) {}

  /** Admits a request of `bytes`, returning its release function, or null to refuse it. */
  tryAdmit(bytes: number): (() => void) | null {
    const idle = this.requests === 0;
    if (!idle && this.requests >= this.limits.maxRequests) return null;
    if (!idle && this.bytes + bytes > this.limits.maxBytes) return null;
    this.requests += 1;
    this.bytes += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.requests -= 1;
      this.bytes -= bytes;
    };
  }

  get inFlight(): { requests: number; bytes: number } {
    return { requests: this.requests, bytes: this.bytes };
  }
}

const MIB = 1024 * 1024;

function readLimit(name: string, fallback: number): number {
  const value = Number(process.env[name]?.trim() || NaN);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

let processAdmission: IngestAdmission | null = null;

/**
 * This process's admission, from `SIGHTLINE_INGEST_MAX_CONCURRENT` (default 64 requests) and
 * `SIGHTLINE_INGEST_MAX_INFLIGHT_BYTES` (default 256 MiB of request bodies).
 */
export function getIngestAdmission(): IngestAdmission {
  processAdmission ??= new IngestAdmission({
    maxRequests: readLimit("SIGHTLINE_INGEST_MAX_CONCURRENT", 64),
    maxBytes: readLimit("SIGHTLINE_INGEST_MAX_INFLIGHT_BYTES", 256 * MIB),
  });
  return processAdmission;
}

/** The bytes a request is counted for: its declared length, else a 1 MiB estimate. */
export function declaredBodyBytes(request: Request): number {
  const declared = Number(request.headers.get("content-length"));
  return Number.isSafeInteger(declared) && declared > 0 ? declared : MIB;
}
