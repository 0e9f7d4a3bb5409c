import type { OtlpAnyValue, OtlpKeyValue } from "@/lib/ingest/types";

import { InvalidFieldError } from "./invalid-field-error";
import { normalizeInt64 } from "./normalize-fields";
import type { WireAnyValue, WireKeyValue } from "./otlp-wire-schema";
import { sanitizeText } from "./sanitize-text";

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const SPECIAL_DOUBLES = new Set(["NaN", "Infinity", "-Infinity"]);

/** Attributes in their stored OTLP/JSON form, every key and string sanitized. */
export function normalizeAttributes(
  list: WireKeyValue[] | null | undefined,
  field: string,
): OtlpKeyValue[] {
  if (!list) return [];

  return list.map((entry, index) => {
    const key = sanitizeText(entry.key ?? "");
    return {
      key,
      value: normalizeAnyValue(
        entry.value,
        `${field}[${index}] (key ${JSON.stringify(key.slice(0, 80))})`,
      ),
    };
  });
}

/**
 * One AnyValue in OTLP/JSON form: intValue as a decimal string, bytes as base64, NaN and
 * infinities as strings. When a client sets several members, the first of the oneof order wins.
 */
export function normalizeAnyValue(
  value: WireAnyValue | null | undefined,
  field: string,
): OtlpAnyValue {
  if (!value) return {};

  if (value.stringValue != null) return { stringValue: sanitizeText(value.stringValue) };
  if (value.boolValue != null) return { boolValue: value.boolValue };
  if (value.intValue != null)
    return { intValue: normalizeInt64(value.intValue, `${field}.intValue`) };
  if (value.doubleValue != null) return { doubleValue: normalizeDouble(value.doubleValue, field) };
  if (value.bytesValue != null) return { bytesValue: normalizeBytes(value.bytesValue, field) };

  if (value.arrayValue != null) {
    const values = (value.arrayValue.values ?? []).map((item, index) =>
      normalizeAnyValue(item, `${field}.arrayValue[${index}]`),
    );
    return { arrayValue: { values } };
  }

  if (value.kvlistValue != null) {
    return {
      kvlistValue: {
        values: normalizeAttributes(value.kvlistValue.values, `${field}.kvlistValue`),
      },
    };
  }

  return {};
}

function normalizeDouble(
  raw: number | string,
  field: string,
): number | "NaN" | "Infinity" | "-Infinity" {
  if (typeof raw === "number") {
    if (Number.isNaN(raw)) return "NaN";
    if (!Number.isFinite(raw)) return raw > 0 ? "Infinity" : "-Infinity";
    return raw;
  }

  const text = raw.trim();
  if (SPECIAL_DOUBLES.has(text)) return normalizeDouble(Number(text), field);
  if (text === "" || Number.isNaN(Number(text))) {
    throw new InvalidFieldError(
      `${field}.doubleValue`,
      `is not a number: ${JSON.stringify(raw.slice(0, 40))}`,
    );
  }
  return normalizeDouble(Number(text), field);
}

function normalizeBytes(raw: string, field: string): string {
  if (!BASE64.test(raw)) throw new InvalidFieldError(`${field}.bytesValue`, "is not valid base64");
  return raw;
}
