import { describe, expect, it } from "vitest";

import { MAX_TOKEN_PRICE_USD, TokenPriceZ } from "./token-price";

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
    ["1e-30", "0"],
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
    ["abc", /^must be a non-negative decimal number such as 0.0000025, not "abc"$/],
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
