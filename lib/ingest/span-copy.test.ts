import { describe, expect, it } from "vitest";

import { mapSpan } from "./map/map-span";
import { buildSpan } from "./map/test-builders";
import { SPAN_INPUT_COLUMNS } from "./span-columns";
import {
  escapeCopyText,
  formatCopyValue,
  formatSpanCopyLine,
  formatStoredSpanCopyLine,
  isoFromNanos,
} from "./span-copy";
import { buildSpanRow, type SpanRow } from "./span-row";

function row(...args: Parameters<typeof buildSpan>): SpanRow {
  const built = buildSpanRow(mapSpan(buildSpan(...args)), { maxIoBytes: 1024 });
  if ("rejection" in built) throw new Error(built.rejection);
  return built;
}

describe("formatCopyValue", () => {
  it.each([
    [null, "\\N"],
    [undefined, "\\N"],
    [42, "42"],
    [false, "false"],
    ["plain", "plain"],
    ["tab\there\nnew\\slash\rcr", "tab\\there\\nnew\\\\slash\\rcr"],
    ["nul\u0000", "nul\uFFFD"],
    [["a", 'q"uote', "back\\slash"], '{"a","q\\\\"uote","back\\\\\\\\slash"}'],
    [[], "{}"],
  ])("should write %j as %j", (value, expected) => {
    expect(formatCopyValue(value)).toBe(expected);
  });

  it("should return text without special characters unchanged", () => {
    const text = "x".repeat(1000);

    expect(escapeCopyText(text)).toBe(text);
  });
});

describe("formatSpanCopyLine", () => {
  it("should write one tab-separated value per input column and end the line", () => {
    const line = formatSpanCopyLine(row({ "gen_ai.request.model": "gpt-4o" }));

    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1).split("\t")).toHaveLength(SPAN_INPUT_COLUMNS.length);
  });

  it("should replace JSON escapes jsonb refuses", () => {
    const built = row();
    built.json.input = '{"text":"a\\u0000b\\ud800c"}';

    const line = formatSpanCopyLine(built);

    expect(line).not.toMatch(/\\\\u0000|\\\\ud800/);
    expect(line).toContain("a\uFFFDb\uFFFDc");
  });
});

describe("isoFromNanos", () => {
  it.each([
    ["0", "1970-01-01T00:00:00.000000Z"],
    ["1700000000123456789", "2023-11-14T22:13:20.123456Z"],
    ["1700000000000000999", "2023-11-14T22:13:20.000000Z"],
    ["1700000000000001000", "2023-11-14T22:13:20.000001Z"],
    ["9223372036854775807", "2262-04-11T23:47:16.854775Z"],
  ])("should write %s ns as %s, truncating to microseconds", (nanos, expected) => {
    expect(isoFromNanos(nanos)).toBe(expected);
  });
});

describe("formatStoredSpanCopyLine", () => {
  it("should add the project, an empty tag list and the times around the input columns", () => {
    const built = row({}, { startTimeUnixNano: "1700000000123456789" });

    const values = formatStoredSpanCopyLine("project-1", built).slice(0, -1).split("\t");

    expect(values).toHaveLength(SPAN_INPUT_COLUMNS.length + 3);
    expect(values[0]).toBe("project-1");
    expect(values[1 + SPAN_INPUT_COLUMNS.findIndex((column) => column.name === "tags")]).toBe("{}");
    expect(values.at(-2)).toBe("2023-11-14T22:13:20.123456Z");
  });
});
