import type { OtlpAnyValue, OtlpKeyValue } from "@/lib/ingest/types";
import { exceedsJsonTextDepth } from "@/lib/otlp/json-depth";
import { sanitizeJsonValue } from "@/lib/otlp/sanitize-text";

import type { Sourced } from "./sourced";

/** JSON nesting parsed out of an attribute string; deeper text is kept as the string. */
const MAX_ATTRIBUTE_JSON_DEPTH = 64;

// Decimal notation only: Number() would also take "0x10", "0b1" and "" as numbers.
const DECIMAL_NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export type Scalar = string | number | boolean;

/**
 * Typed, forgiving reads of one OTLP attribute list. Any attribute may hold the wrong type:
 * readers coerce what is unambiguous, otherwise return null and add a warning; they never throw.
 */
export class AttributeReader {
  private readonly values = new Map<string, OtlpAnyValue>();

  constructor(
    list: readonly OtlpKeyValue[],
    private readonly warnings: string[],
  ) {
    // Keys must be unique in OTLP; when a client repeats one, the last value wins.
    for (const { key, value } of list) this.values.set(key, value);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): OtlpAnyValue | undefined {
    return this.values.get(key);
  }

  /** Every key that starts with the prefix, in the order the attributes were sent. */
  keysWithPrefix(prefix: string): string[] {
    return [...this.values.keys()].filter((key) => key.startsWith(prefix));
  }

  /** Entries under a prefix with the prefix removed from their keys. */
  entriesUnder(prefix: string): Array<[string, OtlpAnyValue]> {
    const entries: Array<[string, OtlpAnyValue]> = [];
    for (const [key, value] of this.values) {
      if (key.startsWith(prefix)) entries.push([key.slice(prefix.length), value]);
    }
    return entries;
  }

  /** A non-empty string; numbers and booleans are given as text, lists are refused. */
  readString(key: string): string | null {
    const scalar = this.readScalar(key);
    if (scalar === null) return null;
    const text = String(scalar);
    return text.trim() === "" ? null : text;
  }

  /** The first of the keys that holds a non-empty string, with that key as its source. */
  readFirstString(...keys: string[]): Sourced<string> | undefined {
    for (const key of keys) {
      const value = this.readString(key);
      if (value !== null) return { value, source: key };
    }
    return undefined;
  }

  /** readJson with the key as source; undefined when absent. */
  readSourcedJson(key: string): Sourced<unknown> | undefined {
    const value = this.readJson(key);
    return value === undefined ? undefined : { value, source: key };
  }

  /** A finite number from an int, a double or a numeric string. */
  readNumber(key: string): number | null {
    const scalar = this.readScalar(key);
    return scalar === null ? null : toFiniteNumber(scalar, key, this.warnings);
  }

  /** A token count: a non-negative whole number, from an int, a double or a numeric string. */
  readTokenCount(key: string): number | null {
    const scalar = this.readScalar(key);
    return scalar === null ? null : toTokenCount(scalar, key, this.warnings);
  }

  /** The single value of an attribute; a list or kvlist warns and gives null. */
  readScalar(key: string): Scalar | null {
    const value = this.values.get(key);
    if (!value) return null;

    const scalar = scalarOf(value);
    if (scalar === null) this.warn(key, "is not a single value");
    return scalar;
  }

  /** A list of strings from an array, a JSON array string or a comma-separated string. */
  readStringList(key: string): string[] | null {
    const value = this.values.get(key);
    if (!value) return null;

    if ("arrayValue" in value) {
      return value.arrayValue.values.flatMap((item) => {
        const scalar = scalarOf(item);
        return scalar === null || String(scalar).trim() === "" ? [] : [String(scalar)];
      });
    }

    const scalar = scalarOf(value);
    if (typeof scalar !== "string") {
      this.warn(key, "is not a list of strings");
      return null;
    }
    if (scalar.trim().startsWith("[")) {
      const parsed = parseJsonText(scalar);
      if (Array.isArray(parsed)) {
        return parsed.flatMap((item) =>
          isScalar(item) && String(item).trim() !== "" ? [String(item)] : [],
        );
      }
    }
    return scalar
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  }

  /**
   * A JSON value: strings holding a JSON object, array or string are parsed (text that does not
   * parse is kept as the string), lists and kvlists become plain JSON. Undefined when absent.
   */
  readJson(key: string): unknown {
    const value = this.values.get(key);
    if (!value) return undefined;
    if ("stringValue" in value) return parseJsonText(value.stringValue);
    return anyValueToJson(value);
  }

  /** Like readJson, but only an object is accepted; anything else warns and gives null. */
  readJsonObject(key: string): Record<string, unknown> | null {
    const value = this.readJson(key);
    if (value === undefined) return null;
    if (isRecord(value)) return value;
    this.warn(key, "is not a JSON object");
    return null;
  }

  warn(key: string, problem: string): void {
    this.warnings.push(`${key} ${problem}; ignored`);
  }
}

/** A string, number or boolean held by the value; null for lists, kvlists and empty values. */
export function scalarOf(value: OtlpAnyValue): Scalar | null {
  if ("stringValue" in value) return value.stringValue;
  if ("intValue" in value) return value.intValue;
  if ("doubleValue" in value) return value.doubleValue;
  if ("boolValue" in value) return value.boolValue;
  return null;
}

/** Plain JSON for an AnyValue: ints as numbers when safe (else strings), kvlists as objects. */
export function anyValueToJson(value: OtlpAnyValue): unknown {
  if ("stringValue" in value) return value.stringValue;
  if ("boolValue" in value) return value.boolValue;
  if ("intValue" in value) {
    const number = Number(value.intValue);
    return Number.isSafeInteger(number) ? number : value.intValue;
  }
  if ("doubleValue" in value) return value.doubleValue;
  if ("bytesValue" in value) return value.bytesValue;
  if ("arrayValue" in value) return value.arrayValue.values.map(anyValueToJson);
  if ("kvlistValue" in value) {
    const result: Record<string, unknown> = {};
    for (const entry of value.kvlistValue.values) result[entry.key] = anyValueToJson(entry.value);
    return result;
  }
  return null;
}

/**
 * Parses text that looks like a JSON object, array or string; anything else, text that does not
 * parse, and text nested too deeply to handle safely stay the original string.
 */
export function parseJsonText(text: string): unknown {
  const trimmed = text.trimStart();
  const first = trimmed[0];
  if (first !== "{" && first !== "[" && first !== '"') return text;
  if (exceedsJsonTextDepth(trimmed, MAX_ATTRIBUTE_JSON_DEPTH)) return text;

  try {
    const parsed: unknown = JSON.parse(trimmed);
    // Only \u escapes can produce NUL or lone surrogates the (sanitized) text never showed.
    return trimmed.includes("\\u") ? sanitizeJsonValue(parsed) : parsed;
  } catch {
    return text;
  }
}

/** A non-negative whole number of tokens, or null with a warning naming the source. */
export function toTokenCount(raw: unknown, source: string, warnings: string[]): number | null {
  const number = toFiniteNumber(raw, source, warnings);
  if (number === null) return null;

  if (number < 0) warnings.push(`${source} is negative (${number}); ignored`);
  else if (!Number.isInteger(number))
    warnings.push(`${source} is not a whole number (${number}); ignored`);
  else if (!Number.isSafeInteger(number))
    warnings.push(`${source} is too large (${number}); ignored`);
  else return number;
  return null;
}

function toFiniteNumber(raw: unknown, source: string, warnings: string[]): number | null {
  if (raw === null || raw === undefined) return null;

  const number =
    typeof raw === "number"
      ? raw
      : typeof raw === "string" && DECIMAL_NUMBER.test(raw)
        ? Number(raw)
        : NaN;
  if (Number.isFinite(number)) return number;

  const shown = typeof raw === "string" ? JSON.stringify(raw.slice(0, 40)) : String(raw);
  warnings.push(`${source} is not a finite number (${shown.slice(0, 60)}); ignored`);
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isScalar(value: unknown): value is Scalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
