import { describe, expect, it } from "vitest";

import { MAX_TOKEN_PRICE_USD, perMillionToPerToken, TokenPriceZ } from "./token-price";

describe("TokenPriceZ", () => {
  it.each<[number | string, string]>([
    ["0.0000025", "0.0000025"],
    [" 0.5 ", "0.5"],
    [0.00000015, "0.00000015"],
    ["1.5e-7", "0.00000015"],
    ["2.5E-6", "0.0000025"],
    ["1e+2", "100"],
    [".5", "0.5"],
    ["0", "0"],
    [MAX_TOKEN_PRICE_USD, "1000"],
    ["1e-20", "0.00000000000000000001"],
    ["0e-30", "0"],
  ])("reads %j as %s", (raw, expected) => {
    expect(TokenPriceZ.parse(raw)).toBe(expected);
  });

  // Regression: "1e400" per 1M tokens from the prices page was stored as a 395-digit price,
  // and every span of that model then failed its batch with a numeric field overflow.
  it.each<[number | string, RegExp]>([
    ["1e400", /^must be at most 1000 \(USD per token, \$1,000,000,000 per 1M tokens\)$/],
    ["1e+394", /^must be at most 1000 /],
    [Infinity, /^must be at most 1000 /],
    ["1000.000001", /^must be at most 1000 /],
    [-1, /^must not be negative$/],
    ["-0.5", /^must not be negative$/],
    [
      "abc",
      /^must be a non-negative decimal number of USD per token such as 0.0000025, not "abc"$/,
    ],
    ["0x10", /^must be a non-negative decimal number/],
    ["0b101", /^must be a non-negative decimal number/],
    ["-Infinity", /^must be a non-negative decimal number|^must not be negative/],
    // Regression: a tiny positive price was rounded to 0 when stored, silently making it free.
    ["1e-30", /^must be 0 or at least 0.00000000000000000001 \(USD per token, /],
    [1e-30, /^must be 0 or at least 0.00000000000000000001 /],
    ["Infinity", /^must be a non-negative decimal number/],
    ["", /^must be a non-negative decimal number/],
    ["1e", /^must be a non-negative decimal number/],
    [NaN, /^must be a number$/],
  ])("refuses %j", (raw, message) => {
    const result = TokenPriceZ.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe("perMillionToPerToken", () => {
  it.each<[string, string | undefined]>([
    ["2.5", "0.0000025"],
    [" 0.15 ", "1.5e-7"],
    ["", undefined],
  ])("reads %j per 1M tokens as %s per token", (text, expected) => {
    expect(perMillionToPerToken("Input $ / 1M tokens", text)).toBe(expected);
  });

  // Regression: the form read "0x10" as hex 16 and sent "abc" on, to a reply whose example was
  // a price per token while the form asks for one per 1M tokens.
  it.each(["0x10", "abc", "Infinity", "1,5"])("refuses %j in the unit of the form", (text) => {
    expect(() => perMillionToPerToken("Input $ / 1M tokens", text)).toThrow(
      "Input $ / 1M tokens: must be a non-negative decimal number of USD per 1M tokens such as 2.5",
    );
  });
});
