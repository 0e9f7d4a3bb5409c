import type { OtlpAnyValue } from "@/lib/ingest/types";
import { anyValueToJson } from "@/lib/ingest/map/attributes";

/** One OTLP attribute as the span panel lists it: its key, JSON value and OTLP value type. */
export interface AttributeEntry {
  key: string;
  value: unknown;
  valueType: string;
}

const VALUE_TYPES: Array<[field: string, name: string]> = [
  ["stringValue", "string"],
  ["intValue", "int"],
  ["doubleValue", "double"],
  ["boolValue", "bool"],
  ["bytesValue", "bytes"],
  ["arrayValue", "array"],
  ["kvlistValue", "kvlist"],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A stored OTLP key-value list (as the batch writer keeps it) as attribute entries. */
export function toAttributeEntries(stored: unknown): AttributeEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isRecord).map((entry) => {
    const value = isRecord(entry.value) ? entry.value : {};
    const valueType = VALUE_TYPES.find(([field]) => field in value)?.[1] ?? "empty";
    return {
      key: typeof entry.key === "string" ? entry.key : "",
      // Stored rows were decoded and normalized at ingest, so they have the OTLP/JSON shape.
      value: anyValueToJson(value as OtlpAnyValue),
      valueType,
    };
  });
}

export interface ResourceView {
  attributes: AttributeEntry[];
  schemaUrl: string | null;
}

export interface ScopeView {
  name: string | null;
  version: string | null;
  attributes: AttributeEntry[];
}

export interface EventView {
  name: string;
  timeUnixNano: string | null;
  attributes: AttributeEntry[];
}

export interface LinkView {
  traceId: string;
  spanId: string;
  attributes: AttributeEntry[];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function toResourceView(stored: unknown): ResourceView {
  const resource = isRecord(stored) ? stored : {};
  return {
    attributes: toAttributeEntries(resource.attributes),
    schemaUrl: text(resource.schemaUrl),
  };
}

export function toScopeView(stored: unknown): ScopeView {
  const scope = isRecord(stored) ? stored : {};
  return {
    name: text(scope.name),
    version: text(scope.version),
    attributes: toAttributeEntries(scope.attributes),
  };
}

export function toEventViews(stored: unknown): EventView[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isRecord).map((event) => ({
    name: text(event.name) ?? "(unnamed event)",
    timeUnixNano: text(event.timeUnixNano),
    attributes: toAttributeEntries(event.attributes),
  }));
}

export function toLinkViews(stored: unknown): LinkView[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isRecord).map((link) => ({
    traceId: text(link.traceId) ?? "",
    spanId: text(link.spanId) ?? "",
    attributes: toAttributeEntries(link.attributes),
  }));
}
