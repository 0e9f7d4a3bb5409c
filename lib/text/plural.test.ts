// Regression: counts read "1 spans" (cost page) and "[ 1 items ]" (JSON tab).
import { describe, expect, it } from "vitest";

import { countOf, plural } from "./plural";

describe("countOf", () => {
  it.each<[number | bigint, string, string | undefined, string]>([
    [0, "span", undefined, "0 spans"],
    [1, "span", undefined, "1 span"],
    [2, "span", undefined, "2 spans"],
    [1n, "item", undefined, "1 item"],
    [3n, "item", undefined, "3 items"],
    [1, "entry", "entries", "1 entry"],
    [2, "entry", "entries", "2 entries"],
  ])("writes %s with %s (plural %s) as %s", (count, singular, pluralForm, text) => {
    expect(countOf(count, singular, pluralForm)).toBe(text);
  });
});

describe("plural", () => {
  it("gives the noun alone, for numbers the caller formats", () => {
    expect(plural(1, "trace")).toBe("trace");
    expect(plural(1200, "trace")).toBe("traces");
  });
});
