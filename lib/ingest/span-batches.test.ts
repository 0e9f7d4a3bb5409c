import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/http/app-error";

import { mapSpan } from "./map/map-span";
import { buildSpan } from "./map/test-builders";
import { assertRequestSize, estimateRowChars } from "./span-batches";
import { formatSpanCopyLine } from "./span-copy";
import { buildSpanRow, type SpanRow } from "./span-row";

function row(attributeSize: number): SpanRow {
  const built = buildSpanRow(mapSpan(buildSpan({ blob: "x".repeat(attributeSize) })), {
    maxIoBytes: 1024,
  });
  if ("rejection" in built) throw new Error(built.rejection);
  return built;
}

describe("estimateRowChars", () => {
  it("should not be below the row's COPY text", () => {
    for (const size of [0, 100, 10_000]) {
      const built = row(size);
      expect(estimateRowChars(built)).toBeGreaterThanOrEqual(formatSpanCopyLine(built).length);
    }
  });
});

describe("assertRequestSize", () => {
  it("should accept rows within the limit", () => {
    expect(() => assertRequestSize([row(10), row(10)], 100_000)).not.toThrow();
  });

  it("should refuse rows over the limit with a 413 naming it", () => {
    const rows = Array.from({ length: 10 }, () => row(6000));

    let error: unknown;
    try {
      assertRequestSize(rows, 50_000);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect((error as AppError).message).toContain("would store more than 50000 bytes");
  });
});
