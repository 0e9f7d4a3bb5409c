import { describe, expect, it } from "vitest";

import { mapSpan } from "./map/map-span";
import { buildSpan } from "./map/test-builders";
import { SPAN_INPUT_COLUMNS } from "./span-columns";
import { escapeCopyText, formatCopyValue, formatSpanCopyLine } from "./span-copy";
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
