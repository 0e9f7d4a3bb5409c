import { InvalidFieldError } from "./invalid-field-error";

/** How ids arrive: hex in OTLP/JSON, base64 once protobuf bytes become a plain object. */
export type IdEncoding = "hex" | "base64";

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT32_MAX = 0xffffffff;

interface IdOptions {
  byteLength: 8 | 16;
  /** Empty (or all-zero) means "none" for parentSpanId; it is invalid for trace and span ids. */
  optional: boolean;
}

/** Validates an id and returns it as lowercase hex ("" for an absent optional id). */
export function normalizeId(
  raw: string | null | undefined,
  encoding: IdEncoding,
  field: string,
  options: IdOptions,
): string {
  const expected = options.byteLength * 2;
  const hex =
    encoding === "hex"
      ? hexFromJsonText(raw ?? "", field, options.byteLength)
      : hexFromBase64(raw ?? "", field);

  if (hex === "") {
    if (options.optional) return "";
    throw new InvalidFieldError(field, "is missing");
  }
  if (hex.length !== expected) {
    throw new InvalidFieldError(
      field,
      `must be ${options.byteLength} bytes (${expected} hex characters), got ${hex.length / 2}`,
    );
  }
  if (/^0+$/.test(hex)) {
    if (options.optional) return "";
    throw new InvalidFieldError(field, "must not be all zeros");
  }
  return hex;
}

/**
 * An OTLP/JSON id: hex, as the spec requires. Exporters built on the generic protobuf JSON
 * mapping (Go's protojson, protobufjs' toJSON) write bytes as base64 instead; such an id is
 * accepted when it decodes to exactly the id's length, which no hex id of that length can be
 * mistaken for (its text is longer).
 */
function hexFromJsonText(text: string, field: string, byteLength: number): string {
  if (text.length !== byteLength * 2 && BASE64.test(text) && text.length > 0) {
    const hex = Buffer.from(text, "base64").toString("hex");
    if (hex.length === byteLength * 2) return hex;
  }
  return hexFromHexText(text, field);
}

function hexFromHexText(text: string, field: string): string {
  if (!HEX.test(text) || text.length % 2 !== 0) {
    throw new InvalidFieldError(field, `is not valid hex: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return text.toLowerCase();
}

function hexFromBase64(text: string, field: string): string {
  if (!BASE64.test(text)) throw new InvalidFieldError(field, "is not valid base64");
  return Buffer.from(text, "base64").toString("hex");
}

/**
 * A fixed64 nanosecond time as an exact decimal string (BigInt). Long JSON numbers arrive here
 * as strings (see json-int64.ts), so they are exact too.
 */
export function normalizeUnixNano(raw: string | number | null | undefined, field: string): string {
  if (raw === null || raw === undefined || raw === "") return "0";

  const value = parseInteger(raw, field);
  if (value < 0n) throw new InvalidFieldError(field, "must not be negative");
  if (value > UINT64_MAX)
    throw new InvalidFieldError(field, "is larger than a 64-bit unsigned integer");
  return value.toString();
}

/** An int64 AnyValue as an exact decimal string. */
export function normalizeInt64(raw: string | number, field: string): string {
  const value = parseInteger(raw, field);
  if (value < INT64_MIN || value > INT64_MAX) {
    throw new InvalidFieldError(field, "is outside the 64-bit signed integer range");
  }
  return value.toString();
}

/** A uint32 / fixed32 field (counts, flags); proto3 JSON allows a number or a numeric string. */
export function normalizeUint32(raw: string | number | null | undefined, field: string): number {
  if (raw === null || raw === undefined || raw === "") return 0;

  const value = parseInteger(raw, field);
  if (value < 0n || value > BigInt(UINT32_MAX)) {
    throw new InvalidFieldError(field, "must be a 32-bit unsigned integer");
  }
  return Number(value);
}

/** An enum given as its number, a numeric string, or its proto name (e.g. SPAN_KIND_SERVER). */
export function normalizeEnum(
  raw: string | number | null | undefined,
  names: Readonly<Record<string, number>>,
  field: string,
): number {
  if (raw === null || raw === undefined || raw === "") return 0;

  if (typeof raw === "string" && !/^-?\d+$/.test(raw)) {
    const value = names[raw.trim().toUpperCase()];
    if (value === undefined) {
      throw new InvalidFieldError(field, `has unknown value ${JSON.stringify(raw.slice(0, 40))}`);
    }
    return value;
  }

  const value = parseInteger(raw, field);
  if (value < 0n || value > 0x7fffffffn) throw new InvalidFieldError(field, "is out of range");
  return Number(value);
}

function parseInteger(raw: string | number, field: string): bigint {
  if (typeof raw === "number") {
    if (!Number.isInteger(raw))
      throw new InvalidFieldError(field, `must be an integer, got ${raw}`);
    return BigInt(raw);
  }

  const text = raw.trim();
  if (!/^-?\d+$/.test(text)) {
    throw new InvalidFieldError(
      field,
      `must be an integer, got ${JSON.stringify(raw.slice(0, 40))}`,
    );
  }
  return BigInt(text);
}

export const SPAN_KIND_NAMES: Readonly<Record<string, number>> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

export const STATUS_CODE_NAMES: Readonly<Record<string, number>> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};
