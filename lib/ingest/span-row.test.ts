import { describe, expect, it } from "vitest";

import { mapSpan } from "./map/map-span";
import { buildSpan, json } from "./map/test-builders";
import { SPAN_JSON_COLUMNS, SPAN_SCALAR_COLUMNS } from "./span-columns";
import { buildSpanRow, type SpanRow } from "./span-row";

const OPTIONS = { maxIoBytes: 1024 };

function rowOf(...args: Parameters<typeof buildSpan>): SpanRow {
  const row = buildSpanRow(mapSpan(buildSpan(...args)), OPTIONS);
  if ("rejection" in row) throw new Error(row.rejection);
  return row;
}

describe("buildSpanRow", () => {
  it("should produce exactly the columns the upsert declares", () => {
    const row = rowOf();

    expect(Object.keys(row.scalars)).toEqual(SPAN_SCALAR_COLUMNS.map((column) => column.name));
    expect(Object.keys(row.json)).toEqual(SPAN_JSON_COLUMNS.map((column) => column.name));
  });

  it("should store a null parent for a root and keep the raw status message", () => {
    const row = rowOf({}, { status: { code: 2, message: "boom" } });

    expect(row.scalars.parent_span_id).toBeNull();
    expect(row.scalars.otlp_status_message).toBe("boom");
    expect(row.scalars.status_code).toBe(2);
  });

  it("should truncate a large input to a marker and leave the attribute whole", () => {
    const big = "x".repeat(5000);
    const row = rowOf({ "langfuse.observation.input": big });

    expect(JSON.parse(row.json.input ?? "null")).toMatchObject({
      __truncated: true,
      originalSize: 5002,
    });
    expect(row.json.attributes).toContain(big);
  });

  it("should store the completion start as exact nanoseconds, and null without one", () => {
    const row = rowOf({ "ai.response.msToFirstChunk": 12.345678 });

    expect(row.scalars.completion_start_ns).toBe("1700000000012345678");
    expect(rowOf().scalars.completion_start_ns).toBeNull();
  });

  it("should cut a very long name with a warning", () => {
    const row = rowOf({}, { name: "n".repeat(3000) });

    expect(row.scalars.name).toHaveLength(2000);
    expect(JSON.parse(row.json.warnings)).toContain("name is 3000 bytes; truncated to 2000");
  });

  it("should store client cost with its source, and none without", () => {
    const withCost = rowOf({
      "langfuse.observation.cost_details": json({ input: 0.1, output: 0.2 }),
    });

    expect(withCost.scalars).toMatchObject({
      input_cost: "0.1",
      output_cost: "0.2",
      total_cost: "0.3",
      cost_source: "client",
    });
    expect(rowOf().scalars.cost_source).toBeNull();
  });

  it("should reject a span whose start is beyond int64", () => {
    const row = buildSpanRow(
      mapSpan(buildSpan({}, { startTimeUnixNano: "18446744073709551615" })),
      OPTIONS,
    );

    expect(row).toEqual({ rejection: expect.stringContaining("int64") });
  });

  it("should store empty tags and metadata as null so re-sends keep stored ones", () => {
    const row = rowOf();

    expect(row.scalars.tags).toBeNull();
    expect(row.json.metadata).toBeNull();
  });
});

describe("buildSpanRow refusals", () => {
  it.each([
    ["kind", { kind: 40000 }],
    ["status.code", { status: { code: 70000, message: "" } }],
  ])("should reject a span whose %s does not fit a SMALLINT", (field, overrides) => {
    const row = buildSpanRow(mapSpan(buildSpan({}, overrides)), OPTIONS);

    expect(row).toEqual({ rejection: expect.stringContaining(`${field}:`) });
  });

  it("should accept the largest kind that fits", () => {
    expect(buildSpanRow(mapSpan(buildSpan({}, { kind: 32767 })), OPTIONS)).not.toHaveProperty(
      "rejection",
    );
  });
});
