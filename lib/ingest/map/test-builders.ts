import type { DecodedSpan, OtlpAnyValue, OtlpEvent, OtlpKeyValue } from "@/lib/ingest/types";

/** Typed builders for DecodedSpan fixtures in mapping tests. */

/**
 * How a test writes an attribute value: strings, booleans and string lists as themselves;
 * whole numbers become intValue (as OTel SDKs send them), other numbers doubleValue. Anything
 * else (a double that happens to be whole, bytes, kvlists, wrong types) via `{ anyValue }`.
 */
export type AttributeInput =
  string | number | boolean | readonly string[] | { readonly anyValue: OtlpAnyValue };

export function toAnyValue(input: AttributeInput): OtlpAnyValue {
  if (typeof input === "string") return { stringValue: input };
  if (typeof input === "boolean") return { boolValue: input };
  if (typeof input === "number") {
    return Number.isInteger(input) ? { intValue: String(input) } : { doubleValue: input };
  }
  if ("anyValue" in input) return input.anyValue;
  return { arrayValue: { values: input.map((item) => ({ stringValue: item })) } };
}

export function toKeyValues(record: Readonly<Record<string, AttributeInput>>): OtlpKeyValue[] {
  return Object.entries(record).map(([key, value]) => ({ key, value: toAnyValue(value) }));
}

/** An explicit doubleValue, for whole numbers sent as doubles. */
export function double(value: number): AttributeInput {
  return { anyValue: { doubleValue: value } };
}

/** A kvlist attribute value. */
export function kvlist(record: Readonly<Record<string, AttributeInput>>): AttributeInput {
  return { anyValue: { kvlistValue: { values: toKeyValues(record) } } };
}

/** JSON text of a value, as SDKs send structured attributes. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

export function buildEvent(
  name: string,
  attributes: Readonly<Record<string, AttributeInput>> = {},
  timeUnixNano = "1700000000500000000",
): OtlpEvent {
  return { name, timeUnixNano, attributes: toKeyValues(attributes), droppedAttributesCount: 0 };
}

interface SpanOptions extends Partial<Omit<DecodedSpan, "attributes">> {
  resourceAttributes?: Readonly<Record<string, AttributeInput>>;
}

/** A plain internal span with the given attributes; no convention attributes unless given. */
export function buildSpan(
  attributes: Readonly<Record<string, AttributeInput>> = {},
  options: SpanOptions = {},
): DecodedSpan {
  const { resourceAttributes, ...overrides } = options;
  return {
    resource: {
      attributes: toKeyValues(resourceAttributes ?? { "service.name": "test-service" }),
      droppedAttributesCount: 0,
      schemaUrl: "",
    },
    scope: { name: "test", version: "", attributes: [], droppedAttributesCount: 0, schemaUrl: "" },
    traceId: "0af7651916cd43dd8448eb211c80319c",
    spanId: "b7ad6b7169203331",
    parentSpanId: "",
    traceState: "",
    flags: 1,
    name: "operation",
    kind: 1,
    startTimeUnixNano: "1700000000000000000",
    endTimeUnixNano: "1700000001000000000",
    attributes: toKeyValues(attributes),
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 0, message: "" },
    ...overrides,
  };
}
