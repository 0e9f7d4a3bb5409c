// Regression: comparing runs showed each item as it is now, so a run made before an edit stood
// next to an input and expected output it never answered. A run item now records the item's
// version when its trace was linked, and these functions pick that version from the history.
import { describe, expect, it } from "vitest";

import {
  itemAtVersion,
  itemVersionKey,
  pastVersionsLinked,
  shownItemVersion,
  type CurrentItem,
  type ItemAtVersion,
} from "./item-at-version";

const edited: CurrentItem = { id: "a", version: 2, input: "3 + 3", expectedOutput: "six" };
const neverEdited: CurrentItem = { id: "b", version: 1, input: "1 + 1", expectedOutput: "two" };
const firstVersion: ItemAtVersion = {
  version: 1,
  recorded: true,
  input: "2 + 2",
  expectedOutput: "four",
};
const history = new Map([[itemVersionKey("a", 1), firstVersion]]);

describe("pastVersionsLinked", () => {
  it("should ask the history only for versions that are not their item's current one", () => {
    const links = [
      { itemId: "a", version: 1 },
      { itemId: "a", version: 2 },
      { itemId: "a", version: 1 },
      { itemId: "b", version: 1 },
    ];
    expect(pastVersionsLinked([edited, neverEdited], links)).toEqual([{ itemId: "a", version: 1 }]);
  });
});

describe("itemAtVersion", () => {
  it.each<[string, CurrentItem, number, ItemAtVersion]>([
    [
      "the item itself when it was never edited",
      neverEdited,
      1,
      { version: 1, recorded: true, input: "1 + 1", expectedOutput: "two" },
    ],
    [
      "the item itself when the run used its current version",
      edited,
      2,
      { version: 2, recorded: true, input: "3 + 3", expectedOutput: "six" },
    ],
    ["the saved version when the item was edited after the run", edited, 1, firstVersion],
    [
      "an unrecorded version, not the current input, when the history lacks it",
      { ...edited, version: 3 },
      2,
      { version: 2, recorded: false, input: null, expectedOutput: null },
    ],
  ])("should give %s", (_case, current, version, expected) => {
    expect(itemAtVersion(current, version, history)).toEqual(expected);
  });
});

describe("shownItemVersion", () => {
  const cell = (item: ItemAtVersion) => ({ item });
  const current = itemAtVersion(edited, 2, history);

  it("should show the version the first compared run that has the item used", () => {
    const runs = { newer: cell(current), older: cell(firstVersion) };
    expect(shownItemVersion(edited, ["older", "newer"], runs)).toEqual({
      shown: firstVersion,
      shownRunId: "older",
    });
    expect(shownItemVersion(edited, ["missing", "newer", "older"], runs)).toEqual({
      shown: current,
      shownRunId: "newer",
    });
  });

  it("should show the item as it is now when no compared run has it", () => {
    expect(shownItemVersion(edited, ["older"], {})).toEqual({ shown: current, shownRunId: null });
  });
});
