import { describe, expect, it } from "vitest";

import { costCsvCell, toCostCsv } from "./cost-csv";

describe("costCsvCell", () => {
  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", '"\'\r=1"'],
    ["-", "'-"],
  ])("neutralizes the formula %j", (value, cell) => {
    expect(costCsvCell(value)).toBe(cell);
  });

  it.each([
    [-0.25, "-0.25"],
    ["-12", "-12"],
    ["+3.5", "+3.5"],
    [1e-7, "1e-7"],
    [0, "0"],
    ["gpt-4o", "gpt-4o"],
    [null, ""],
  ])("leaves %j as it is", (value, cell) => {
    expect(costCsvCell(value)).toBe(cell);
  });

  it("quotes commas and quotes", () => {
    expect(costCsvCell('a,"b"')).toBe('"a,""b"""');
  });
});

describe("toCostCsv", () => {
  it("writes the header and rows in column order", () => {
    const csv = toCostCsv(
      [
        { group: "=cmd|' /C calc'!A0", cost: -1.5 },
        { group: "gpt-4o", cost: 0.01 },
      ],
      ["group", "cost"],
    );
    // The final line break is new (the export had none): expected changed on purpose.
    expect(csv).toBe("group,cost\n'=cmd|' /C calc'!A0,-1.5\ngpt-4o,0.01\n");
  });

  it("ends every line with a line break, the header of an empty table too", () => {
    expect(toCostCsv([], ["group", "cost"])).toBe("group,cost\n");
    expect(toCostCsv([{ group: "a", cost: 1 }], ["group", "cost"]).endsWith("1\n")).toBe(true);
  });
});
