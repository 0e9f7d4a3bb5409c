import { describe, expect, it } from "vitest";

import { entriesUnder, groupByIndex } from "./indexed-entries";

describe("groupByIndex", () => {
  it("should order groups numerically, 10 after 9, and drop gaps", () => {
    const groups = groupByIndex([
      ["10.role", "ten"],
      ["9.role", "nine"],
      ["0.role", "zero"],
      ["2.role", "two"],
    ]);
    expect(groups.map((group) => group.get("role"))).toEqual(["zero", "two", "nine", "ten"]);
  });

  it("should keep every sub-key of a group", () => {
    const [group] = groupByIndex([
      ["3.message.role", "user"],
      ["3.message.content", "hi"],
    ]);
    expect([...(group ?? [])]).toEqual([
      ["message.role", "user"],
      ["message.content", "hi"],
    ]);
  });

  it("should make one element for a huge index", () => {
    expect(groupByIndex([["99999999.role", "far"]])).toHaveLength(1);
  });

  it.each(["role", "x.role", "-1.role", "1", "1.", "1234567890123456.role"])(
    "should skip the key %j",
    (key) => {
      expect(groupByIndex([[key, "value"]])).toEqual([]);
    },
  );

  it("should merge indexes written with leading zeros", () => {
    const groups = groupByIndex([
      ["01.role", "user"],
      ["1.content", "hi"],
    ]);
    expect(groups).toHaveLength(1);
  });
});

describe("entriesUnder", () => {
  it("should strip the prefix and ignore other keys", () => {
    const group = new Map([
      ["tool_calls.0.name", "a"],
      ["role", "assistant"],
    ]);
    expect(entriesUnder(group, "tool_calls.")).toEqual([["0.name", "a"]]);
  });
});
