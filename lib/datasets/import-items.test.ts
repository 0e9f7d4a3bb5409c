import { describe, expect, it } from "vitest";

import { AppError } from "../http/app-error";

import {
  guessColumn,
  importDatasetItems,
  ImportItemsZ,
  MAX_IMPORT_ROWS,
  readImportRows,
} from "./import-items";

// Dry runs parse and check every row without touching the database.
const target = { projectId: "p", datasetId: "d", userId: null };

function dryRun(body: Record<string, unknown>) {
  return importDatasetItems(target, ImportItemsZ.parse({ ...body, dryRun: true }));
}

describe("importDatasetItems (dry run)", () => {
  it("reads an Excel-style CSV: byte order mark, CRLF line ends, quoted line breaks", async () => {
    const content = '\uFEFFInput,Expected_Output\r\n"line one\r\nline two",ok\r\n';
    const report = await dryRun({
      format: "csv",
      content,
      mapping: { expectedOutput: "Expected_Output" },
    });
    expect(report.columns).toEqual(["Input", "Expected_Output"]);
    // Columns named like a field (in any case) map themselves.
    expect(report.mapping).toEqual({ input: "Input", expectedOutput: "Expected_Output" });
    expect(report.preview).toEqual([{ Input: "line one\r\nline two", Expected_Output: "ok" }]);
    expect(report.errors).toEqual([]);
  });

  it("numbers CSV rows from the first data row and reports rows with too many fields", async () => {
    const content = 'input,metadata\na,{}\nc,d,e\nf,"[1]"\n';
    const report = await dryRun({ format: "csv", content });
    expect(report.totalRows).toBe(3);
    expect(report.errors).toEqual([
      { row: 2, message: expect.stringContaining("Too many fields") as unknown },
      { row: 3, message: "metadata: must be a JSON object" },
    ]);
  });

  // Papa's skipEmptyLines dropped blank and comma-only records before they were numbered, so
  // every row after one was reported a row too early. They are now skipped after numbering.
  it("should number CSV rows as in the file, blank and comma-only rows included", async () => {
    const content = [
      "input,expected_output,metadata",
      "q1,a1,",
      ",,",
      "q3,a3,",
      "",
      '"q5\nspans two lines",a5,',
      "q6,a6,oops",
      " , ,",
      "q8,a8,{}",
      "q9",
      "",
    ].join("\n");

    const report = await dryRun({ format: "csv", content });

    expect(report.totalRows).toBe(6);
    expect(report.errors).toEqual([
      { row: 6, message: "metadata: must be a JSON object" },
      { row: 9, message: expect.stringContaining("Too few fields") as unknown },
    ]);
  });

  it("keeps cells as text when JSON reading is off", async () => {
    const content = 'input,metadata\n"{""a"": 1}",42\n';
    const off = await dryRun({ format: "csv", content, parseJson: false });
    expect(off.errors).toEqual([{ row: 1, message: "metadata: must be a JSON object" }]);
    const on = await dryRun({ format: "csv", content: 'input,metadata\n42,"{""a"": 1}"\n' });
    expect(on.errors).toEqual([]);
  });

  it("numbers JSONL errors by line, blank lines included", async () => {
    const content = ['{"input": 1}', "", "   ", "{oops", '"text"', '{"metadata": 2}'].join("\n");
    const report = await dryRun({ format: "jsonl", content });
    expect(report.columns).toEqual(["input", "metadata"]);
    expect(report.errors).toEqual([
      { row: 4, message: expect.stringMatching(/^not valid JSON/) as unknown },
      { row: 5, message: "must be a JSON object" },
      { row: 6, message: "metadata: must be a JSON object" },
    ]);
  });

  it("refuses an observation without its trace and text ids that are too long", async () => {
    const content = [
      JSON.stringify({ input: 1, sourceObservationId: "s1" }),
      JSON.stringify({ input: 1, id: "x".repeat(201) }),
      JSON.stringify({ input: 1, id: { nested: true } }),
    ].join("\n");
    const report = await dryRun({ format: "jsonl", content });
    expect(report.errors.map((error) => error.message)).toEqual([
      "sourceObservationId: give the trace as sourceTraceId too",
      "id: must be at most 200 characters",
      "id: must be text",
    ]);
  });

  it("refuses a file with more rows than one import takes", async () => {
    const content = `input\n${"x\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    const refusal = await dryRun({ format: "csv", content }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(413);
  });

  it("refuses a mapping to a column the file does not have", async () => {
    const refusal = await dryRun({ format: "csv", content: "a\n1", mapping: { input: "b" } }).catch(
      (error: unknown) => error,
    );
    expect((refusal as AppError).message).toBe('mapping.input: the file has no column "b"');
  });
});

describe("readImportRows", () => {
  // Regression: a dataset's own JSONL export failed to import when an item's input was "" and
  // stored an expected output of "" as null, because "" was read as a missing value as in CSV.
  it("should keep a present JSONL key holding an empty string as an empty string", () => {
    const content = '{"input":"","expectedOutput":""}\n{"input":"q","expectedOutput":null}\n';
    const { rows } = readImportRows(ImportItemsZ.parse({ format: "jsonl", content }));
    expect(rows).toEqual([
      { row: 1, fields: { input: "", expectedOutput: "" } },
      { row: 2, fields: { input: "q", expectedOutput: null } },
    ]);
  });

  it("should read an empty CSV cell as null and a JSON-encoded empty string as one", () => {
    const content = 'input,expectedOutput\n"""""",\n,x\n';
    const { rows } = readImportRows(ImportItemsZ.parse({ format: "csv", content }));
    expect(rows).toEqual([
      { row: 1, fields: { input: "", expectedOutput: null } },
      { row: 2, fields: { input: null, expectedOutput: "x" } },
    ]);
  });

  // Regression: an item created without input (Langfuse's API allows it) was exported with an
  // empty input and its import refused the row with "input: the cell is empty", in JSONL too.
  // A missing or null input is now stored as null, and a JSONL line without the key is as one
  // with null for a new item.
  it.each([
    ["csv", "id,input,expectedOutput\nitem-1,,x\n", { id: "item-1", input: null }],
    ["jsonl", '{"id":"item-1","input":null,"expectedOutput":"x"}\n', { input: null }],
    ["jsonl", '{"id":"item-1","expectedOutput":"x"}\n{"input":"q"}\n', {}],
  ] as const)("should accept a %s row without input: %j", (format, content, expected) => {
    const { rows } = readImportRows(ImportItemsZ.parse({ format, content }));
    expect(rows[0]).toEqual({
      row: 1,
      fields: { id: "item-1", expectedOutput: "x", ...expected },
    });
  });

  it("should strip the export's formula guard from a CSV id and from text cells", () => {
    const content = "id,input\n'=id,'@q\n";
    for (const parseJson of [true, false]) {
      const { rows } = readImportRows(ImportItemsZ.parse({ format: "csv", content, parseJson }));
      expect(rows).toEqual([{ row: 1, fields: { id: "=id", input: "@q" } }]);
    }
  });
});

describe("guessColumn", () => {
  it.each([
    ["expected_output", "expectedOutput"],
    ["expectedOutput", "expectedOutput"],
    ["expected output", "expectedOutput"],
    ["Expected", "expectedOutput"],
    ["ANSWER", "expectedOutput"],
    ["reference", "expectedOutput"],
    ["input", "input"],
    ["Question", "input"],
    ["prompt", "input"],
    ["query", "input"],
    ["Metadata", "metadata"],
    ["ID", "id"],
  ] as const)("maps a column named %s to %s", (column, field) => {
    expect(guessColumn(field, ["other", column])).toBe(column);
  });

  it("prefers the closest name and leaves unknown columns alone", () => {
    expect(guessColumn("expectedOutput", ["answer", "expected_output"])).toBe("expected_output");
    expect(guessColumn("input", ["question", "Input"])).toBe("Input");
    expect(guessColumn("input", ["text", "inputs"])).toBeUndefined();
    expect(guessColumn("id", ["item_id"])).toBeUndefined();
  });

  it("maps a usual CSV header in a dry run without any mapping", async () => {
    const report = await dryRun({
      format: "csv",
      content: "question,expected answer,answer,Metadata,id\nq,x,a,{},1\n",
    });
    expect(report.mapping).toEqual({
      input: "question",
      expectedOutput: "answer",
      metadata: "Metadata",
      id: "id",
    });
    expect(report.errors).toEqual([]);
  });
});
