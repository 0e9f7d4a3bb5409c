import { describe, expect, it } from "vitest";

import { quoteLongInt64Numbers } from "./json-int64";

describe("quoteLongInt64Numbers", () => {
  it.each([
    [
      "a nanosecond time",
      '{"startTimeUnixNano":1700000000123456789,"x":1}',
      '{"startTimeUnixNano":"1700000000123456789","x":1}',
    ],
    [
      "snake case with spaces, last in its object",
      '{"end_time_unix_nano" : 1700000000123456789 }',
      '{"end_time_unix_nano" : "1700000000123456789" }',
    ],
    [
      "a negative int value",
      '{"intValue":-9223372036854775808}',
      '{"intValue":"-9223372036854775808"}',
    ],
    ["a short number stays a number", '{"intValue":42}', '{"intValue":42}'],
    [
      "a string stays as it is",
      '{"intValue":"9007199254740993"}',
      '{"intValue":"9007199254740993"}',
    ],
    [
      "a fraction is not an integer",
      '{"intValue":1700000000123456789.5}',
      '{"intValue":1700000000123456789.5}',
    ],
    [
      "the same text inside a string value is left alone",
      '{"stringValue":"{\\"intValue\\":1700000000123456789}"}',
      '{"stringValue":"{\\"intValue\\":1700000000123456789}"}',
    ],
    [
      "another field is left alone",
      '{"droppedAttributesCount":12345678901234567}',
      '{"droppedAttributesCount":12345678901234567}',
    ],
  ])("%s", (_name, input, expected) => {
    expect(quoteLongInt64Numbers(input)).toBe(expected);
  });
});
