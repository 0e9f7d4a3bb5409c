import { z } from "zod";

/**
 * The shape of an ExportTraceServiceRequest as it arrives, whichever the encoding: OTLP/JSON
 * after snake_case keys became camelCase, or the protobuf message turned into a plain object.
 * Leaves stay loose (ids, times and enums as strings or numbers, nulls allowed) because their
 * meaning is checked per span in normalize-request.ts, where a bad value refuses only that span.
 */

type Loose<T> = T | null | undefined;
type IntegerLike = string | number;

export interface WireAnyValue {
  stringValue?: Loose<string>;
  boolValue?: Loose<boolean>;
  intValue?: Loose<IntegerLike>;
  doubleValue?: Loose<number | string>;
  bytesValue?: Loose<string>;
  arrayValue?: Loose<{ values?: Loose<WireAnyValue[]> }>;
  kvlistValue?: Loose<{ values?: Loose<WireKeyValue[]> }>;
}

export interface WireKeyValue {
  key?: Loose<string>;
  value?: Loose<WireAnyValue>;
}

const integerLike = z.union([z.number(), z.string()]).nullish();

const anyValueSchema: z.ZodType<WireAnyValue> = z.lazy(() =>
  z.object({
    stringValue: z.string().nullish(),
    boolValue: z.boolean().nullish(),
    intValue: integerLike,
    doubleValue: z.union([z.number(), z.string()]).nullish(),
    bytesValue: z.string().nullish(),
    arrayValue: z.object({ values: z.array(anyValueSchema).nullish() }).nullish(),
    kvlistValue: z.object({ values: z.array(keyValueSchema).nullish() }).nullish(),
  }),
);

const keyValueSchema: z.ZodType<WireKeyValue> = z.lazy(() =>
  z.object({ key: z.string().nullish(), value: anyValueSchema.nullish() }),
);

const attributesSchema = z.array(keyValueSchema).nullish();

const eventSchema = z.object({
  timeUnixNano: integerLike,
  name: z.string().nullish(),
  attributes: attributesSchema,
  droppedAttributesCount: integerLike,
});

const linkSchema = z.object({
  traceId: z.string().nullish(),
  spanId: z.string().nullish(),
  traceState: z.string().nullish(),
  attributes: attributesSchema,
  droppedAttributesCount: integerLike,
  flags: integerLike,
});

const spanSchema = z.object({
  traceId: z.string().nullish(),
  spanId: z.string().nullish(),
  traceState: z.string().nullish(),
  parentSpanId: z.string().nullish(),
  flags: integerLike,
  name: z.string().nullish(),
  kind: integerLike,
  startTimeUnixNano: integerLike,
  endTimeUnixNano: integerLike,
  attributes: attributesSchema,
  droppedAttributesCount: integerLike,
  events: z.array(eventSchema).nullish(),
  droppedEventsCount: integerLike,
  links: z.array(linkSchema).nullish(),
  droppedLinksCount: integerLike,
  status: z.object({ message: z.string().nullish(), code: integerLike }).nullish(),
});

const scopeSpansSchema = z.object({
  scope: z
    .object({
      name: z.string().nullish(),
      version: z.string().nullish(),
      attributes: attributesSchema,
      droppedAttributesCount: integerLike,
    })
    .nullish(),
  spans: z.array(spanSchema).nullish(),
  schemaUrl: z.string().nullish(),
});

const resourceSpansSchema = z.object({
  resource: z
    .object({ attributes: attributesSchema, droppedAttributesCount: integerLike })
    .nullish(),
  scopeSpans: z.array(scopeSpansSchema).nullish(),
  schemaUrl: z.string().nullish(),
});

export const wireTraceRequestSchema = z.object({
  resourceSpans: z.array(resourceSpansSchema).nullish(),
});

export type WireTraceRequest = z.infer<typeof wireTraceRequestSchema>;
export type WireResourceSpans = z.infer<typeof resourceSpansSchema>;
export type WireScopeSpans = z.infer<typeof scopeSpansSchema>;
export type WireSpan = z.infer<typeof spanSchema>;
export type WireEvent = z.infer<typeof eventSchema>;
export type WireLink = z.infer<typeof linkSchema>;

/**
 * Nesting allowed in a request, counted in JSON levels: about 60 levels of nested AnyValue.
 * Deeper input is refused before any recursive code runs on it.
 */
export const MAX_PAYLOAD_DEPTH = 200;

/** A zod issue path as `resourceSpans[0].scopeSpans[1].spans[2].name`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text === "" ? "(root)" : text;
}
