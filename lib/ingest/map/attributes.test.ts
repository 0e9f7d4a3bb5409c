import { describe, expect, it } from "vitest";

import type { OtlpAnyValue } from "@/lib/ingest/types";

import { AttributeReader, anyValueToJson, parseJsonText } from "./attributes";

function readerOf(value: OtlpAnyValue, warnings: string[] = []): AttributeReader {
  return new AttributeReader([{ key: "k", value }], warnings);
}

describe("AttributeReader", () => {
  it.each<[OtlpAnyValue, string | null]>([
    [{ stringValue: "text" }, "text"],
    [{ stringValue: "" }, null],
    [{ intValue: "42" }, "42"],
    [{ doubleValue: 1.5 }, "1.5"],
    [{ boolValue: true }, "true"],
    [{ arrayValue: { values: [] } }, null],
    [{}, null],
  ])("should read %j as the string %j", (value, expected) => {
    expect(readerOf(value).readString("k")).toBe(expected);
  });

  it("should let the last of repeated keys win", () => {
    const reader = new AttributeReader(
      [
        { key: "k", value: { stringValue: "first" } },
        { key: "k", value: { stringValue: "last" } },
      ],
      [],
    );
    expect(reader.readString("k")).toBe("last");
  });

  it("should return null without warning for an absent key", () => {
    const warnings: string[] = [];
    const reader = new AttributeReader([], warnings);
    expect(reader.readString("missing")).toBeNull();
    expect(reader.readTokenCount("missing")).toBeNull();
    expect(reader.readJson("missing")).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it.each<[OtlpAnyValue, number | null]>([
    [{ intValue: "12" }, 12],
    [{ doubleValue: 12 }, 12],
    [{ stringValue: "12" }, 12],
    [{ stringValue: "12.0" }, 12],
    [{ intValue: "0" }, 0],
    [{ intValue: "-1" }, null],
    [{ doubleValue: 0.5 }, null],
    [{ doubleValue: "NaN" }, null],
    [{ stringValue: "NaN" }, null],
    [{ stringValue: "0x10" }, null],
    [{ stringValue: "1e3" }, 1000],
    [{ boolValue: true }, null],
    [{ kvlistValue: { values: [] } }, null],
  ])("should read the token count %j as %j", (value, expected) => {
    const warnings: string[] = [];
    expect(readerOf(value, warnings).readTokenCount("k")).toBe(expected);
    expect(warnings).toHaveLength(expected === null ? 1 : 0);
  });

  it.each<[OtlpAnyValue, string[] | null]>([
    [
      {
        arrayValue: {
          values: [
            { stringValue: "a" },
            { intValue: "1" },
            { kvlistValue: { values: [] } },
            { stringValue: "" },
          ],
        },
      },
      ["a", "1"],
    ],
    [{ stringValue: '["a","b"]' }, ["a", "b"]],
    [{ stringValue: "a, b" }, ["a", "b"]],
    [{ stringValue: "solo" }, ["solo"]],
    [{ intValue: "3" }, ["3"]],
    [{ boolValue: true }, null],
  ])("should read the string list %j", (value, expected) => {
    expect(readerOf(value).readStringList("k")).toEqual(expected);
  });

  it.each<[OtlpAnyValue, unknown]>([
    [{ stringValue: '{"a":1}' }, { a: 1 }],
    [{ stringValue: "  [1,2]" }, [1, 2]],
    [{ stringValue: '"quoted"' }, "quoted"],
    [{ stringValue: "42" }, "42"],
    [{ stringValue: "{bad" }, "{bad"],
    [
      { kvlistValue: { values: [{ key: "x", value: { intValue: "9007199254740993" } }] } },
      { x: "9007199254740993" },
    ],
    [
      { arrayValue: { values: [{ doubleValue: "Infinity" }, { bytesValue: "AQ==" }] } },
      ["Infinity", "AQ=="],
    ],
  ])("should read %j as JSON", (value, expected) => {
    expect(readerOf(value).readJson("k")).toEqual(expected);
  });
});

describe("parseJsonText", () => {
  it("should sanitize escapes that decode to NUL or lone surrogates, in keys too", () => {
    expect(parseJsonText('{"k\\u0000":["\\udc00"]}')).toEqual({ "k\uFFFD": ["\uFFFD"] });
  });

  it("should keep JSON nested too deeply as the text", () => {
    const text = `${"[".repeat(1000)}${"]".repeat(1000)}`;
    expect(parseJsonText(text)).toBe(text);
  });
});

describe("anyValueToJson", () => {
  it("should give null for an empty value", () => {
    expect(anyValueToJson({})).toBeNull();
  });
});
