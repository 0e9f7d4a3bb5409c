import { describe, expect, it } from "vitest";

import type { DecodedSpan, OtlpAnyValue } from "@/lib/ingest/types";

import { decodeTraceRequest } from "./decode-request";
import { OtlpRequestError } from "./errors";
import {
  END_NANOS,
  PARENT_SPAN_ID,
  SPAN_ID,
  START_NANOS,
  TRACE_ID,
  attribute,
  buildWireRequest,
  buildWireSpan,
  encodeJsonBody,
  encodeProtobufBody,
  gzip,
  stringAttribute,
} from "./test-builders";
import type { WireSpan, WireTraceRequest } from "./otlp-wire-schema";

const PROTOBUF = "application/x-protobuf";
const JSON_TYPE = "application/json";

type Encoding = "protobuf" | "json";

function decode(request: WireTraceRequest, encoding: Encoding) {
  if (encoding === "protobuf")
    return decodeTraceRequest(encodeProtobufBody(request), PROTOBUF, null);
  return decodeTraceRequest(encodeJsonBody(request), JSON_TYPE, null);
}

function decodeOne(span: WireSpan, encoding: Encoding): DecodedSpan {
  const result = decode(buildWireRequest({ spans: [span] }), encoding);
  expect(result.rejected).toEqual({ count: 0, reasons: [] });
  const [decoded] = result.spans;
  if (!decoded) throw new Error("no span decoded");
  return decoded;
}

function catchError(run: () => unknown): OtlpRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof OtlpRequestError) return error;
    throw error;
  }
  throw new Error("expected an OtlpRequestError");
}

describe.each<Encoding>(["protobuf", "json"])("decodeTraceRequest (%s)", (encoding) => {
  it("should decode a span with ids as lowercase hex and exact times", () => {
    const span = decodeOne(
      buildWireSpan({ parentSpanId: PARENT_SPAN_ID, traceState: "k=v", flags: 257 }),
      encoding,
    );

    expect(span).toMatchObject({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: PARENT_SPAN_ID,
      traceState: "k=v",
      flags: 257,
      name: "chat gpt-4o",
      kind: 3,
      startTimeUnixNano: START_NANOS,
      endTimeUnixNano: END_NANOS,
      status: { code: 0, message: "" },
      events: [],
      links: [],
      droppedAttributesCount: 0,
    });
    expect(span.resource.attributes).toEqual([
      { key: "service.name", value: { stringValue: "app" } },
    ]);
    expect(span.scope).toMatchObject({ name: "test-scope", version: "1.0.0" });
  });

  it("should keep the largest fixed64 time exactly", () => {
    const span = decodeOne(buildWireSpan({ endTimeUnixNano: "18446744073709551615" }), encoding);
    expect(span.endTimeUnixNano).toBe("18446744073709551615");
  });

  it("should treat an all-zero parent as no parent", () => {
    const span = decodeOne(buildWireSpan({ parentSpanId: "0000000000000000" }), encoding);
    expect(span.parentSpanId).toBe("");
  });

  it("should convert every AnyValue kind to its OTLP/JSON form", () => {
    const attributes = [
      attribute("s", { stringValue: "text" }),
      attribute("empty", { stringValue: "" }),
      attribute("b", { boolValue: false }),
      attribute("i", { intValue: "-9223372036854775808" }),
      attribute("big", { intValue: "9223372036854775807" }),
      attribute("d", { doubleValue: 1.5 }),
      attribute("bytes", { bytesValue: "AQID" }),
      attribute("arr", { arrayValue: { values: [{ intValue: "1" }, { stringValue: "x" }] } }),
      attribute("kv", { kvlistValue: { values: [stringAttribute("inner", "v")] } }),
      attribute("none", {}),
    ];
    const span = decodeOne(buildWireSpan({ attributes }), encoding);

    const expected: Array<[string, OtlpAnyValue]> = [
      ["s", { stringValue: "text" }],
      ["empty", { stringValue: "" }],
      ["b", { boolValue: false }],
      ["i", { intValue: "-9223372036854775808" }],
      ["big", { intValue: "9223372036854775807" }],
      ["d", { doubleValue: 1.5 }],
      ["bytes", { bytesValue: "AQID" }],
      ["arr", { arrayValue: { values: [{ intValue: "1" }, { stringValue: "x" }] } }],
      ["kv", { kvlistValue: { values: [{ key: "inner", value: { stringValue: "v" } }] } }],
      ["none", {}],
    ];
    expect(span.attributes).toEqual(expected.map(([key, value]) => ({ key, value })));
  });

  it("should keep events, links and status", () => {
    const span = decodeOne(
      buildWireSpan({
        events: [
          {
            timeUnixNano: "1700000000500000000",
            name: "exception",
            attributes: [stringAttribute("exception.message", "boom")],
          },
        ],
        links: [
          {
            traceId: TRACE_ID,
            spanId: PARENT_SPAN_ID,
            traceState: "a=b",
            flags: 1,
            attributes: [stringAttribute("l", "v")],
          },
        ],
        status: { code: 2, message: "failed" },
        droppedEventsCount: 3,
      }),
      encoding,
    );

    expect(span.events).toEqual([
      {
        timeUnixNano: "1700000000500000000",
        name: "exception",
        attributes: [{ key: "exception.message", value: { stringValue: "boom" } }],
        droppedAttributesCount: 0,
      },
    ]);
    expect(span.links).toEqual([
      {
        traceId: TRACE_ID,
        spanId: PARENT_SPAN_ID,
        traceState: "a=b",
        flags: 1,
        attributes: [{ key: "l", value: { stringValue: "v" } }],
        droppedAttributesCount: 0,
      },
    ]);
    expect(span.status).toEqual({ code: 2, message: "failed" });
    expect(span.droppedEventsCount).toBe(3);
  });

  it.each([
    [
      "traceId too short",
      { traceId: "0af7651916cd43dd8448eb211c8031" },
      "traceId must be 16 bytes",
    ],
    ["traceId too long", { traceId: `${TRACE_ID}00` }, "traceId must be 16 bytes"],
    ["traceId all zeros", { traceId: "0".repeat(32) }, "traceId must not be all zeros"],
    ["traceId missing", { traceId: "" }, "traceId is missing"],
    ["spanId too short", { spanId: "b7ad6b71692033" }, "spanId must be 8 bytes"],
    ["spanId all zeros", { spanId: "0".repeat(16) }, "spanId must not be all zeros"],
    ["spanId missing", { spanId: undefined }, "spanId is missing"],
    ["parentSpanId of 16 bytes", { parentSpanId: TRACE_ID }, "parentSpanId must be 8 bytes"],
    [
      "link traceId wrong",
      { links: [{ traceId: "abcd", spanId: SPAN_ID }] },
      "links[0].traceId must be 16 bytes",
    ],
  ])("should reject only the span with %s", (_label, overrides, reason) => {
    const request = buildWireRequest({
      spans: [
        buildWireSpan({ name: "good-1" }),
        buildWireSpan({ name: "bad", ...overrides }),
        buildWireSpan({ name: "good-2" }),
      ],
    });
    const result = decode(request, encoding);

    expect(result.spans.map((span) => span.name)).toEqual(["good-1", "good-2"]);
    expect(result.rejected.count).toBe(1);
    expect(result.rejected.reasons).toHaveLength(1);
    expect(result.rejected.reasons[0]).toContain("spans[1]");
    expect(result.rejected.reasons[0]).toContain('name "bad"');
    expect(result.rejected.reasons[0]).toContain(reason);
  });

  it("should replace NUL and lone surrogates at every depth without failing the span", () => {
    const dirty = "a\u0000b\uD800c";
    // On the protobuf path the lone surrogate reaches us as three invalid UTF-8 bytes (that is
    // what an encoder writes for it), and the UTF-8 decoder turns each into U+FFFD.
    const clean = encoding === "json" ? "a\uFFFDb\uFFFDc" : "a\uFFFDb\uFFFD\uFFFD\uFFFDc";
    const request = buildWireRequest({
      resourceAttributes: [stringAttribute(`svc${dirty}`, dirty)],
      scopeName: dirty,
      scopeAttributes: [stringAttribute("scope.attr", dirty)],
      spans: [
        buildWireSpan({
          name: dirty,
          traceState: dirty,
          attributes: [
            stringAttribute(dirty, dirty),
            attribute("nested", {
              kvlistValue: {
                values: [
                  attribute(`k${dirty}`, { arrayValue: { values: [{ stringValue: dirty }] } }),
                ],
              },
            }),
          ],
          events: [
            { name: dirty, timeUnixNano: START_NANOS, attributes: [stringAttribute(dirty, dirty)] },
          ],
          links: [
            {
              traceId: TRACE_ID,
              spanId: PARENT_SPAN_ID,
              attributes: [stringAttribute("l", dirty)],
            },
          ],
          status: { code: 2, message: dirty },
        }),
      ],
    });

    const result = decode(request, encoding);
    expect(result.rejected.count).toBe(0);
    const [span] = result.spans;
    const serialized = JSON.stringify(span);
    expect(serialized).not.toContain("\\u0000");
    expect(serialized).not.toMatch(/\\ud800/i);
    expect(span).toMatchObject({
      name: clean,
      traceState: clean,
      status: { message: clean },
      scope: { name: clean, attributes: [{ key: "scope.attr", value: { stringValue: clean } }] },
      resource: { attributes: [{ key: `svc${clean}`, value: { stringValue: clean } }] },
      events: [{ name: clean, attributes: [{ key: clean, value: { stringValue: clean } }] }],
      links: [{ attributes: [{ key: "l", value: { stringValue: clean } }] }],
    });
    expect(span?.attributes).toEqual([
      { key: clean, value: { stringValue: clean } },
      {
        key: "nested",
        value: {
          kvlistValue: {
            values: [
              { key: `k${clean}`, value: { arrayValue: { values: [{ stringValue: clean }] } } },
            ],
          },
        },
      },
    ]);
  });

  it("should accept gzip", () => {
    const request = buildWireRequest();
    const body = encoding === "protobuf" ? encodeProtobufBody(request) : encodeJsonBody(request);
    const result = decodeTraceRequest(
      gzip(body),
      encoding === "protobuf" ? PROTOBUF : JSON_TYPE,
      "gzip",
    );
    expect(result.spans).toHaveLength(1);
  });

  it("should return no spans for a request without any", () => {
    expect(decode({ resourceSpans: [] }, encoding)).toEqual({
      spans: [],
      rejected: { count: 0, reasons: [] },
    });
  });

  it("should refuse a request over the body limit with 413", () => {
    const body = encodeJsonBody(buildWireRequest());
    const error = catchError(() => decodeTraceRequest(body, JSON_TYPE, null, { maxBodyBytes: 10 }));
    expect(error.status).toBe(413);
  });
});

describe("decodeTraceRequest (protobuf only)", () => {
  it("should decode doubles that JSON cannot carry", () => {
    const request = buildWireRequest({
      spans: [
        buildWireSpan({
          attributes: [
            attribute("nan", { doubleValue: Number.NaN }),
            attribute("inf", { doubleValue: Number.POSITIVE_INFINITY }),
            attribute("ninf", { doubleValue: Number.NEGATIVE_INFINITY }),
          ],
        }),
      ],
    });
    const [span] = decodeTraceRequest(encodeProtobufBody(request), PROTOBUF, null).spans;
    expect(span?.attributes.map((entry) => entry.value)).toEqual([
      { doubleValue: "NaN" },
      { doubleValue: "Infinity" },
      { doubleValue: "-Infinity" },
    ]);
  });

  it.each([
    ["garbage bytes", new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff])],
    ["a truncated message", encodeProtobufBody(buildWireRequest()).subarray(0, 30)],
  ])("should refuse %s with 400", (_label, body) => {
    const error = catchError(() => decodeTraceRequest(body, PROTOBUF, null));
    expect(error.status).toBe(400);
    expect(error.message).toContain("protobuf");
  });
});

describe("decodeTraceRequest (protobuf nesting)", () => {
  /**
   * An AnyValue nested `depth` arrays deep, as raw protobuf bytes. Headers are computed inside
   * out and joined once, so that building stays linear in the depth.
   */
  function nestedAnyValue(depth: number): Buffer {
    const leaf = Buffer.from([0x0a, 0x01, 0x78]); // AnyValue { string_value: "x" }
    const headers: Buffer[] = [];
    let innerLength = leaf.length;
    for (let level = 0; level < depth; level++) {
      // AnyValue { array_value (5) = ArrayValue { values (1) = inner } }
      const arrayLength = 1 + varint(innerLength).length + innerLength;
      headers.push(
        Buffer.concat([
          Buffer.from([0x2a]),
          varint(arrayLength),
          Buffer.from([0x0a]),
          varint(innerLength),
        ]),
      );
      innerLength = 1 + varint(arrayLength).length + arrayLength;
    }
    return Buffer.concat([...headers.reverse(), leaf]);
  }

  function varint(value: number): Buffer {
    const bytes: number[] = [];
    let rest = value;
    while (rest > 0x7f) {
      bytes.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.push(rest);
    return Buffer.from(bytes);
  }

  function requestWithValue(value: Buffer): Uint8Array {
    const keyValue = Buffer.concat([
      Buffer.from([0x0a, 0x01, 0x6b, 0x12]),
      varint(value.length),
      value,
    ]);
    // Field 9 of a span: attributes.
    const span = Buffer.concat([Buffer.from([0x4a]), varint(keyValue.length), keyValue]);
    const scopeSpans = Buffer.concat([Buffer.from([0x12]), varint(span.length), span]); // spans = 2
    const resourceSpans = Buffer.concat([
      Buffer.from([0x12]),
      varint(scopeSpans.length),
      scopeSpans,
    ]);
    return Buffer.concat([Buffer.from([0x0a]), varint(resourceSpans.length), resourceSpans]);
  }

  it.each([
    ["past the depth limit", 300, "deeper than 200"],
    ["deep enough to exhaust the decoder's stack", 50_000, "nested too deeply"],
  ])("should refuse values nested %s with 400", (_label, depth, message) => {
    const error = catchError(() =>
      decodeTraceRequest(requestWithValue(nestedAnyValue(depth)), PROTOBUF, null),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain(message);
  });

  it("should accept moderately nested values", () => {
    const result = decodeTraceRequest(requestWithValue(nestedAnyValue(20)), PROTOBUF, null);
    // The hand-built span has no ids, so it is refused for that, not for its nesting.
    expect(result.rejected.reasons[0]).toContain("traceId is missing");
  });

  it("should refuse values nested just past the limit and accept them just below it", () => {
    // A span attribute's AnyValue sits at JSON level 9; each array nesting adds 3 levels.
    const tooDeep = catchError(() =>
      decodeTraceRequest(requestWithValue(nestedAnyValue(64)), PROTOBUF, null),
    );
    expect(tooDeep.message).toContain("deeper than 200");
    const result = decodeTraceRequest(requestWithValue(nestedAnyValue(63)), PROTOBUF, null);
    expect(result.rejected.reasons[0]).toContain("traceId is missing");
  });

  it("should show a refused span's id as hex", () => {
    const request = buildWireRequest({ spans: [buildWireSpan({ traceId: "abcd" })] });
    const result = decodeTraceRequest(encodeProtobufBody(request), PROTOBUF, null);
    expect(result.rejected.reasons[0]).toContain(`spanId "${SPAN_ID}"`);
  });
});

describe("decodeTraceRequest (protobuf field checks)", () => {
  it("should reject a span whose kind is a negative enum value", () => {
    const request = buildWireRequest({ spans: [buildWireSpan({ kind: -1 })] });
    const result = decodeTraceRequest(encodeProtobufBody(request), PROTOBUF, null);
    expect(result.spans).toEqual([]);
    expect(result.rejected.reasons[0]).toContain("kind is out of range");
  });

  it("should reject a span whose link has a short span id, naming the link", () => {
    const link = { traceId: TRACE_ID, spanId: "abcd", attributes: [] };
    const request = buildWireRequest({ spans: [buildWireSpan({ links: [link] })] });
    const result = decodeTraceRequest(encodeProtobufBody(request), PROTOBUF, null);
    expect(result.rejected.reasons[0]).toContain(
      "links[0].spanId must be 8 bytes (16 hex characters), got 2",
    );
  });

  it("should keep negative and extreme int64 values exactly", () => {
    const attributes = [
      attribute("min", { intValue: "-9223372036854775808" }),
      attribute("max", { intValue: "9223372036854775807" }),
      attribute("minus one", { intValue: "-1" }),
    ];
    const request = buildWireRequest({ spans: [buildWireSpan({ attributes })] });
    const [span] = decodeTraceRequest(encodeProtobufBody(request), PROTOBUF, null).spans;
    expect(span?.attributes.map((entry) => entry.value)).toEqual([
      { intValue: "-9223372036854775808" },
      { intValue: "9223372036854775807" },
      { intValue: "-1" },
    ]);
  });
});

describe("decodeTraceRequest (JSON only)", () => {
  function decodeJson(request: unknown) {
    return decodeTraceRequest(encodeJsonBody(request), "application/json; charset=utf-8", null);
  }

  it("keeps nanosecond times and int values sent as JSON numbers past 2^53 exact", () => {
    const text = JSON.stringify(
      buildWireRequest({
        spans: [
          buildWireSpan({
            startTimeUnixNano: "START",
            endTimeUnixNano: "END",
            attributes: [{ key: "big", value: { intValue: "BIG" } }],
          }),
        ],
      }),
    )
      .replace('"START"', "1700000000123456789")
      .replace('"END"', "1700000000987654321")
      .replace('"BIG"', "9223372036854775807");
    const result = decodeTraceRequest(Buffer.from(text), "application/json", null);
    const [span] = result.spans;
    expect(span?.startTimeUnixNano).toBe("1700000000123456789");
    expect(span?.endTimeUnixNano).toBe("1700000000987654321");
    expect(span?.attributes).toContainEqual({
      key: "big",
      value: { intValue: "9223372036854775807" },
    });
  });

  it("should lowercase uppercase hex ids", () => {
    const [span] = decodeJson(
      buildWireRequest({
        spans: [
          buildWireSpan({
            traceId: TRACE_ID.toUpperCase(),
            spanId: SPAN_ID.toUpperCase(),
            parentSpanId: PARENT_SPAN_ID.toUpperCase(),
          }),
        ],
      }),
    ).spans;
    expect(span).toMatchObject({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: PARENT_SPAN_ID,
    });
  });

  it.each([
    ["a string", "1700000000000000123", "1700000000000000123"],
    ["a string with leading zeros", "000123", "123"],
    ["a safe number", 1_700_000_000, "1700000000"],
    [
      "an unsafe number (precision already lost in JSON.parse)",
      1700000000000000123,
      "1700000000000000000",
    ],
    ["zero", 0, "0"],
    ["absent", undefined, "0"],
  ])("should read a time given as %s", (_label, time, expected) => {
    const [span] = decodeJson(
      buildWireRequest({ spans: [buildWireSpan({ startTimeUnixNano: time })] }),
    ).spans;
    expect(span?.startTimeUnixNano).toBe(expected);
  });

  it.each([
    ["negative number", -1, "must not be negative"],
    ["negative string", "-5", "must not be negative"],
    ["fraction", 1.5, "must be an integer"],
    ["garbage", "yesterday", "must be an integer"],
    ["above 2^64", "18446744073709551616", "is larger than a 64-bit"],
  ])("should reject a span whose time is a %s", (_label, time, reason) => {
    const result = decodeJson(
      buildWireRequest({ spans: [buildWireSpan({ endTimeUnixNano: time })] }),
    );
    expect(result.spans).toEqual([]);
    expect(result.rejected.count).toBe(1);
    expect(result.rejected.reasons[0]).toContain(`endTimeUnixNano ${reason}`);
  });

  it.each([
    ["not hex", "zzf7651916cd43dd8448eb211c80319c", "is not valid hex"],
    ["odd length", "0af7651916cd43dd8448eb211c80319", "is not valid hex"],
    ["base64 of the wrong length", "CvdlGRbNQ92ESOshHIAx", "is not valid hex"],
  ])("should reject a traceId that is %s", (_label, traceId, reason) => {
    const result = decodeJson(buildWireRequest({ spans: [buildWireSpan({ traceId })] }));
    expect(result.rejected.reasons[0]).toContain(`traceId ${reason}`);
  });

  it("should read base64 ids, as generic protobuf JSON writers send them, as hex", () => {
    const result = decodeJson(
      buildWireRequest({
        spans: [
          buildWireSpan({
            traceId: "CvdlGRbNQ92ESOshHIAxnA==",
            spanId: "uNe0PmF2RCk=",
            parentSpanId: "AAAAAAAAAAE=",
          }),
        ],
      }),
    );
    expect(result.rejected.count).toBe(0);
    expect(result.spans[0]).toMatchObject({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b8d7b43e61764429",
      parentSpanId: "0000000000000001",
    });
  });

  it.each([
    ["SPAN_KIND_SERVER", "STATUS_CODE_ERROR", 2, 2],
    ["span_kind_client", "STATUS_CODE_OK", 3, 1],
    [4, 2, 4, 2],
    ["5", "0", 5, 0],
  ])("should read kind %j and status %j", (kind, code, expectedKind, expectedCode) => {
    const [span] = decodeJson(
      buildWireRequest({ spans: [buildWireSpan({ kind, status: { code } })] }),
    ).spans;
    expect(span?.kind).toBe(expectedKind);
    expect(span?.status.code).toBe(expectedCode);
  });

  it("should reject a span with an unknown enum name", () => {
    const result = decodeJson(
      buildWireRequest({ spans: [buildWireSpan({ kind: "SPAN_KIND_MARTIAN" })] }),
    );
    expect(result.rejected.reasons[0]).toContain('kind has unknown value "SPAN_KIND_MARTIAN"');
  });

  it.each([
    ["a number", 42, "42"],
    ["a string", "-17", "-17"],
  ])("should accept intValue as %s", (_label, intValue, expected) => {
    const [span] = decodeJson(
      buildWireRequest({ spans: [buildWireSpan({ attributes: [attribute("n", { intValue })] })] }),
    ).spans;
    expect(span?.attributes[0]?.value).toEqual({ intValue: expected });
  });

  it.each([
    ["a fraction", 1.5],
    ["text", "twelve"],
    ["above int64", "9223372036854775808"],
  ])("should reject the span whose intValue is %s, naming the attribute", (_label, intValue) => {
    const result = decodeJson(
      buildWireRequest({
        spans: [buildWireSpan({ attributes: [attribute("tokens", { intValue })] })],
      }),
    );
    expect(result.spans).toEqual([]);
    expect(result.rejected.reasons[0]).toContain('key "tokens"');
    expect(result.rejected.reasons[0]).toContain("intValue");
  });

  it("should reject every span of a resource whose attributes are invalid", () => {
    const request = buildWireRequest({
      resourceAttributes: [attribute("pid", { intValue: "not a number" })],
      spans: [buildWireSpan(), buildWireSpan({ spanId: PARENT_SPAN_ID })],
    });
    const result = decodeJson(request);
    expect(result.spans).toEqual([]);
    expect(result.rejected.count).toBe(2);
    expect(result.rejected.reasons[0]).toContain("resourceSpans[0].resource.attributes[0]");
  });

  it("should accept snake_case keys", () => {
    const body = {
      resource_spans: [
        {
          resource: { attributes: [{ key: "service.name", value: { string_value: "snake" } }] },
          scope_spans: [
            {
              scope: { name: "s" },
              spans: [
                {
                  trace_id: TRACE_ID,
                  span_id: SPAN_ID,
                  parent_span_id: PARENT_SPAN_ID,
                  name: "snake span",
                  start_time_unix_nano: START_NANOS,
                  end_time_unix_nano: END_NANOS,
                  attributes: [
                    { key: "n", value: { int_value: "7" } },
                    { key: "kv", value: { kvlist_value: { values: [] } } },
                  ],
                  dropped_attributes_count: 2,
                },
              ],
            },
          ],
        },
      ],
    };
    const [span] = decodeJson(body).spans;
    expect(span).toMatchObject({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: PARENT_SPAN_ID,
      name: "snake span",
      startTimeUnixNano: START_NANOS,
      droppedAttributesCount: 2,
      attributes: [
        { key: "n", value: { intValue: "7" } },
        { key: "kv", value: { kvlistValue: { values: [] } } },
      ],
    });
    expect(span?.resource.attributes[0]?.value).toEqual({ stringValue: "snake" });
  });

  it("should accept the pre-1.0 instrumentationLibrarySpans name", () => {
    const body = {
      resourceSpans: [
        {
          instrumentationLibrarySpans: [
            { instrumentationLibrary: { name: "old" }, spans: [buildWireSpan()] },
          ],
        },
      ],
    };
    const [span] = decodeJson(body).spans;
    expect(span?.scope.name).toBe("old");
  });

  it("should sanitize escaped NULs and lone surrogates from JSON text", () => {
    const spanJson = `{"traceId":"${TRACE_ID}","spanId":"${SPAN_ID}","name":"x\\u0000\\ud83d"}`;
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[${spanJson}]}]}]}`;
    const [span] = decodeTraceRequest(new TextEncoder().encode(text), JSON_TYPE, null).spans;
    expect(span?.name).toBe("x\uFFFD\uFFFD");
  });

  it.each([
    ["invalid JSON", "{not json", "not valid JSON"],
    ["an empty body", "", "not valid JSON"],
    ["resourceSpans of the wrong type", '{"resourceSpans":"nope"}', "at resourceSpans"],
    [
      "a span name of the wrong type",
      `{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":5}]}]}]}`,
      "at resourceSpans[0].scopeSpans[0].spans[0].name",
    ],
    [
      "an attribute value of the wrong type",
      `{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"a",` +
        `"value":{"boolValue":"yes"}}]}]}]}]}`,
      "attributes[0].value.boolValue",
    ],
    ["a top-level array", "[]", "at (root)"],
  ])("should refuse %s with 400 naming where", (_label, text, where) => {
    const error = catchError(() =>
      decodeTraceRequest(new TextEncoder().encode(text), JSON_TYPE, null),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain(where);
  });

  it("should refuse JSON nested deeper than the limit with 400, not a stack overflow", () => {
    let value = '{"stringValue":"leaf"}';
    for (let depth = 0; depth < 5000; depth++) value = `{"arrayValue":{"values":[${value}]}}`;
    const attributes = `[{"key":"deep","value":${value}}]`;
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":${attributes}}]}]}]}`;
    const error = catchError(() =>
      decodeTraceRequest(new TextEncoder().encode(text), JSON_TYPE, null),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain("deeper");
  });

  it("should refuse a wrong media type before reading the body", () => {
    const error = catchError(() =>
      decodeTraceRequest(new Uint8Array(), "text/plain; charset=utf-8", null),
    );
    expect(error.status).toBe(415);
  });

  it("should refuse an unknown content encoding with 415", () => {
    const error = catchError(() =>
      decodeTraceRequest(encodeJsonBody(buildWireRequest()), JSON_TYPE, "br"),
    );
    expect(error.status).toBe(415);
  });

  it("should refuse a gzip bomb with 413", () => {
    const bomb = gzip(new Uint8Array(40 * 1024 * 1024));
    const error = catchError(() => decodeTraceRequest(bomb, PROTOBUF, "gzip"));
    expect(error.status).toBe(413);
  });

  it("should refuse a corrupt gzip body with 400", () => {
    const error = catchError(() =>
      decodeTraceRequest(new TextEncoder().encode("{}"), JSON_TYPE, "gzip"),
    );
    expect(error.status).toBe(400);
  });

  it("should keep at most 20 reasons but count every rejected span", () => {
    const spans = Array.from({ length: 25 }, () => buildWireSpan({ traceId: "bad" }));
    const result = decodeJson(buildWireRequest({ spans }));
    expect(result.rejected.count).toBe(25);
    expect(result.rejected.reasons).toHaveLength(20);
  });
});
