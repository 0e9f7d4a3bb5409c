// Regression: a dataset exported as CSV must import back with "Read JSON in cells" (needed for
// chat-array inputs) to exactly the exported values. The expected output "4" (a string) was
// reported coming back as the number 4; an empty string came back as no value. The export now
// writes JSON-encoded any string that would read back as another value. Later: an item without
// input failed to import ("the cell is empty"), now null; and strings a spreadsheet runs as
// formulas are written with a leading ' that the import removes.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import type { DatasetItemRow } from "./dataset-fields";
import { datasetItemsCsv } from "./export-items";
import { ImportItemsZ, readImportRows } from "./import-items";

const EXPECTED_OUTPUTS: unknown[] = [
  "4",
  " 4",
  "4.0",
  "true",
  "null",
  "",
  "  ",
  '"quoted"',
  '"half',
  "[not an array]",
  "[1, 2]",
  '{"a": 1}',
  "=1+1",
  '=cmd|"/c calc"!A1',
  "+1",
  "-5",
  "@SUM(A1)",
  "\t=x",
  "\r=x",
  "'",
  "'=x",
  "''=x",
  "a=b",
  "plain, with comma\r\nand line",
  -5,
  4,
  -0.5,
  true,
  false,
  null,
  [],
  [{ role: "assistant", content: "4" }],
  { answer: "4", score: 4 },
];

function itemRow(index: number, expectedOutput: unknown): DatasetItemRow {
  const at = new Date("2025-01-01T00:00:00Z");
  return {
    id: index % 3 === 0 ? `-item-${index}` : `item-${index}`,
    projectId: "p",
    datasetId: "d",
    datasetName: "ds",
    // Every fourth item has no input, as the API allows.
    input: index % 4 === 0 ? null : [{ role: "user", content: `question ${index}` }],
    expectedOutput,
    metadata: index % 2 === 0 ? { n: String(index) } : null,
    sourceTraceId: null,
    sourceObservationId: null,
    status: "ACTIVE",
    version: 1,
    createdByUserId: null,
    createdAt: at,
    updatedAt: at,
  };
}

describe("dataset CSV export then import", () => {
  it("gives back exactly the exported values with JSON cells on", () => {
    const rows = EXPECTED_OUTPUTS.map((value, index) => itemRow(index, value));
    const csv = datasetItemsCsv(rows, true);
    const { rows: read } = readImportRows(
      ImportItemsZ.parse({ format: "csv", content: csv, parseJson: true, dryRun: true }),
    );

    expect(read.map((row) => row.fields)).toEqual(
      rows.map((row) => ({
        id: row.id,
        input: row.input,
        expectedOutput: row.expectedOutput,
        metadata: row.metadata,
      })),
    );
  });

  it("leaves no cell that a spreadsheet would run as a formula", () => {
    const rows = EXPECTED_OUTPUTS.map((value, index) => itemRow(index, value));
    const { data } = Papa.parse<string[]>(datasetItemsCsv(rows, true), { skipEmptyLines: true });
    const cells = data.flat();
    expect(cells).toContain('\'=cmd|"/c calc"!A1');
    expect(cells).toContain("-5");
    // Numbers stay numbers: a spreadsheet reads them as the values they are.
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual(["-5", "-0.5"]);
  });

  it("writes the string 4 quoted and the number 4 bare", () => {
    const csv = datasetItemsCsv([itemRow(1, "4"), itemRow(3, 4)], false);
    const [first, second] = csv.split("\r\n");
    expect(first).toContain(',"""4""",');
    expect(second).toContain(",4,");
  });
});
