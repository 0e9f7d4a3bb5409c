import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/http/app-error";

import { mapSpan } from "./map/map-span";
import { buildSpan } from "./map/test-builders";
import { estimateRowJsonChars, splitIntoStatements } from "./span-batches";
import { buildSpanRow, serializeSpanRow, type SpanRow } from "./span-row";

function row(attributeSize: number): SpanRow {
  const built = buildSpanRow(mapSpan(buildSpan({ blob: "x".repeat(attributeSize) })), {
    maxIoBytes: 1024,
  });
  if ("rejection" in built) throw new Error(built.rejection);
  return built;
}

describe("estimateRowJsonChars", () => {
  it("should never be below the serialized row's length", () => {
    for (const size of [0, 100, 10_000]) {
      const built = row(size);
      expect(estimateRowJsonChars(built)).toBeGreaterThanOrEqual(serializeSpanRow(built).length);
    }
  });
});

describe("splitIntoStatements", () => {
  it("should keep a small batch in one statement", () => {
    const rows = [row(10), row(10), row(10)];

    expect(splitIntoStatements(rows)).toEqual([rows]);
  });

  it("should split by size and keep the order", () => {
    const rows = Array.from({ length: 5 }, () => row(6000));

    const statements = splitIntoStatements(rows, { statement: 25_000, request: 1_000_000 });

    expect(statements.map((statement) => statement.length)).toEqual([2, 2, 1]);
    expect(statements.flat()).toEqual(rows);
  });

  it("should give an oversized single row a statement of its own", () => {
    const big = row(50_000);

    expect(splitIntoStatements([big], { statement: 1000, request: 1_000_000 })).toEqual([[big]]);
  });

  it("should refuse a request that would store too much with a 413", () => {
    const rows = Array.from({ length: 10 }, () => row(6000));

    const attempt = () => splitIntoStatements(rows, { statement: 25_000, request: 50_000 });

    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/would store more than 50000 bytes/);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).status).toBe(413);
    }
  });
});
