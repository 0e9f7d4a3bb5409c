import { describe, expect, it } from "vitest";

import { previewItemValue } from "./item-preview";

describe("previewItemValue", () => {
  it.each([
    [null, "null"],
    ["null", '"null"'],
    [true, "true"],
    ["true", '"true"'],
    [-5, "-5"],
    ["-5", '"-5"'],
    ["", '""'],
    ["What is OTLP?", "What is OTLP?"],
    [{ question: "x" }, '{"question":"x"}'],
  ])("shows %j as %s", (value, shown) => {
    expect(previewItemValue(value)).toBe(shown);
  });

  it("cuts a long value at 160 characters", () => {
    expect(previewItemValue("a".repeat(200))).toBe(`${"a".repeat(160)}…`);
  });
});
