import { describe, expect, it } from "vitest";

import { matchPatternNames } from "./custom-prices";

describe("matchPatternNames", () => {
  it.each([
    ["(?i)^(gpt-4o)$", ["gpt-4o"]],
    ["(?i)^(openai/)?(gpt-4o|gpt-4o-2024-08-06)$", ["gpt-4o", "gpt-4o-2024-08-06"]],
    ["^claude-3\\.5-sonnet$", ["claude-3.5-sonnet"]],
    ["my-deployment", ["my-deployment"]],
  ])("reads %s as names", (pattern, names) => {
    expect(matchPatternNames(pattern)).toEqual(names);
  });

  it.each(["(?i)^gpt-4.*$", "^(a|b+)$", "[abc]", "(?i)^$", "a|"])(
    "refuses %s, which is not a list of names",
    (pattern) => {
      expect(matchPatternNames(pattern)).toBeNull();
    },
  );
});
