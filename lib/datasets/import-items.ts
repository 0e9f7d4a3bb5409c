import Papa from "papaparse";
import { z } from "zod";

import { AppError } from "../http/app-error";

import { fromCsvCell, fromCsvTextCell } from "./csv-cells";
import { itemValueProblem } from "./dataset-schemas";
import { insertNewDatasetItems, saveDatasetItem } from "./save-dataset-item";

/** Characters of an uploaded file. */
export const MAX_IMPORT_CHARS = 10_000_000;
/** Data rows of one import. */
export const MAX_IMPORT_ROWS = 5_000;
const PREVIEW_ROWS = 5;
/** New items written per statement. */
const INSERT_BATCH = 500;
const MAX_REPORTED_ERRORS = 200;

const column = z.string().trim().min(1).max(200).nullish();

/**
 * Body of an import: the file's text, its format, and which column (CSV header, or top-level
 * key of a JSONL object) feeds which field of the item.
 */
export const ImportItemsZ = z.object({
  format: z.enum(["csv", "jsonl"]),
  content: z.string().max(MAX_IMPORT_CHARS, `must be at most ${MAX_IMPORT_CHARS} characters`),
  mapping: z
    .object({
      input: column,
      expectedOutput: column,
      metadata: column,
      id: column,
      sourceTraceId: column,
      sourceObservationId: column,
    })
    .default({}),
  /** CSV only: read cells holding JSON (objects, arrays, numbers, booleans) as JSON. */
  parseJson: z.boolean().default(true),
  /** Parse and check only: report columns, a preview and the errors, store nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportItemsInput = z.infer<typeof ImportItemsZ>;

export type Field = keyof ImportItemsInput["mapping"];
const FIELDS: Field[] = [
  "input",
  "expectedOutput",
  "metadata",
  "id",
  "sourceTraceId",
  "sourceObservationId",
];
const TEXT_FIELDS = new Set<Field>(["id", "sourceTraceId", "sourceObservationId"]);

/**
 * A problem with one row of the file: for CSV `row` counts the records after the header from 1,
 * blank ones included (a record may span lines: a quoted cell with line breaks), for JSONL it
 * is the line number.
 */
export interface ImportRowError {
  row: number;
  message: string;
}

export interface ImportReport {
  columns: string[];
  mapping: ImportItemsInput["mapping"];
  totalRows: number;
  preview: Array<Record<string, unknown>>;
  imported: number;
  /** A problem with the whole file's mapping (dry runs only; a real import answers 400). */
  problem: string | null;
  errors: ImportRowError[];
  /** Errors beyond those listed. */
  moreErrors: number;
  /** What the import did otherwise than the file says, for the whole file (not errors). */
  notes: string[];
}

interface ParsedFile {
  columns: string[];
  rows: Array<{ row: number; values: Record<string, unknown> | null; error?: string }>;
}

// Limitation: rows with an id or a source are saved one by one (an id may update an existing
// item, a source may already be in the dataset, and either is a per-row error), so a large file
// of such rows takes seconds within one request; rows without both are written in batches.

/**
 * Imports a CSV or JSONL file into a dataset. Each row is checked and stored on its own: a bad
 * row is reported with its number and the good rows are kept (a row with an id that exists in
 * the dataset updates that item as a new version; an id of another dataset's item, as in that
 * dataset's export, makes a new item with a fresh id, noted in the report). With dryRun nothing
 * is stored.
 */
export async function importDatasetItems(
  target: { projectId: string; datasetId: string; userId: string | null },
  input: ImportItemsInput,
): Promise<ImportReport> {
  const { file, mapping, rows } = readImportRows(input);
  const errors: ImportRowError[] = [];
  const foreignIdRows: number[] = [];
  let imported = 0;
  const missingInput = "mapping.input: choose the column that holds the input";
  if (!mapping.input && !input.dryRun) throw new AppError("bad_request", missingInput);

  let batch: RowFields[] = [];
  const flush = async () => {
    imported += await insertNewDatasetItems(target, batch);
    batch = [];
  };

  for (const { row, fields } of rows) {
    if ("error" in fields) {
      errors.push({ row, message: fields.error });
      continue;
    }
    if (input.dryRun) continue;
    // New items with nothing to collide with go in batches; the others one by one.
    if (!fields.id && !fields.sourceTraceId) {
      batch.push(fields);
      if (batch.length >= INSERT_BATCH) await flush();
      continue;
    }
    try {
      const saved = await saveDatasetItem({
        ...target,
        id: fields.id ?? null,
        fields,
        foreignId: "new",
      });
      if (fields.id && saved.id !== fields.id) foreignIdRows.push(row);
      imported += 1;
    } catch (saveError) {
      if (!(saveError instanceof AppError)) throw saveError;
      errors.push({ row, message: saveError.message });
    }
  }
  await flush();

  return {
    columns: file.columns,
    mapping,
    totalRows: file.rows.length,
    preview: file.rows.slice(0, PREVIEW_ROWS).map((row) => row.values ?? {}),
    imported,
    problem: mapping.input ? null : missingInput,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    moreErrors: Math.max(0, errors.length - MAX_REPORTED_ERRORS),
    notes: foreignIdRows.length > 0 ? [foreignIdNote(foreignIdRows)] : [],
  };
}

/** Rows whose id names an item of another dataset: they became new items. */
function foreignIdNote(rows: number[]): string {
  const listed = rows.slice(0, 20).join(", ") + (rows.length > 20 ? ", …" : "");
  const which = rows.length === 1 ? `Row ${listed} has the id` : `Rows ${listed} have ids`;
  return (
    `${which} of an item in another dataset: imported as new items with fresh ids ` +
    "(the other dataset is unchanged)."
  );
}

/**
 * The rows of an import file read into item fields (or a row error each), by the mapping
 * completed from usual column names; no rows when no column feeds the input yet.
 */
export function readImportRows(input: ImportItemsInput) {
  const file = input.format === "csv" ? parseCsv(input.content) : parseJsonl(input.content);
  if (file.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      "payload_too_large",
      `content: ${file.rows.length} rows; an import takes at most ${MAX_IMPORT_ROWS}`,
    );
  }
  const mapping = resolveMapping(input.mapping, file.columns);
  // A first look at a file whose columns are named otherwise: columns and preview, to map by hand.
  const rows = (mapping.input ? file.rows : []).map(({ row, values, error }) => ({
    row,
    fields:
      values && !error
        ? toItemFields(values, mapping, input)
        : { error: error ?? "unreadable row" },
  }));
  return { file, mapping, rows };
}

/**
 * Column names each field picks up by itself, best first; compared without case, spaces,
 * underscores or hyphens ("Expected output", "expected_output" and "expectedOutput" are one).
 */
const COLUMN_SYNONYMS: Record<Field, string[]> = {
  input: ["input", "question", "prompt", "query"],
  expectedOutput: ["expectedoutput", "expected", "answer", "reference"],
  metadata: ["metadata"],
  id: ["id"],
  sourceTraceId: ["sourcetraceid"],
  sourceObservationId: ["sourceobservationid"],
};

const normalizeColumn = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");

/** The column a field maps to when the mapping leaves it out, if the file has a usual name. */
export function guessColumn(field: Field, columns: readonly string[]): string | undefined {
  for (const synonym of COLUMN_SYNONYMS[field]) {
    const found = columns.find((name) => normalizeColumn(name) === synonym);
    if (found) return found;
  }
  return undefined;
}

/** The given mapping, or for fields left out a column with a usual name (see COLUMN_SYNONYMS). */
function resolveMapping(given: ImportItemsInput["mapping"], columns: string[]) {
  const mapping: ImportItemsInput["mapping"] = {};
  for (const field of FIELDS) {
    const named = given[field];
    if (named) {
      if (!columns.includes(named)) {
        throw new AppError("bad_request", `mapping.${field}: the file has no column "${named}"`);
      }
      mapping[field] = named;
    } else if (given[field] === undefined) {
      const guessed = guessColumn(field, columns);
      if (guessed) mapping[field] = guessed;
    }
  }
  return mapping;
}

type RowFields = {
  id?: string;
  input?: unknown;
  expectedOutput?: unknown;
  metadata?: unknown;
  sourceTraceId?: string;
  sourceObservationId?: string;
};

function toItemFields(
  values: Record<string, unknown>,
  mapping: ImportItemsInput["mapping"],
  input: ImportItemsInput,
): RowFields | { error: string } {
  const fields: RowFields = {};
  const csv = input.format === "csv";
  for (const field of FIELDS) {
    const name = mapping[field];
    if (!name) continue;
    const raw = values[name];
    // A JSONL line without the key says nothing: an update keeps the stored value.
    if (raw === undefined) continue;
    // An empty CSV cell is no value, as the export writes null (an empty string is written as
    // ""); in JSONL a present key holding "" is an empty string. Langfuse allows an item
    // without input, so a missing input is stored as null like the other fields.
    const missing = raw === null || (raw === "" && (csv || TEXT_FIELDS.has(field)));

    if (TEXT_FIELDS.has(field)) {
      if (missing) continue;
      if (typeof raw !== "string" && typeof raw !== "number") {
        return { error: `${field}: must be text` };
      }
      const text = (csv && typeof raw === "string" ? fromCsvTextCell(raw) : String(raw)).trim();
      if (text.includes("\u0000")) return { error: `${field}: must not contain the NUL character` };
      if (text.length > 200) return { error: `${field}: must be at most 200 characters` };
      fields[field as "id"] = text;
      continue;
    }
    if (missing) {
      fields[field as "input"] = null;
      continue;
    }
    const value =
      csv && typeof raw === "string"
        ? input.parseJson
          ? fromCsvCell(raw)
          : { value: fromCsvTextCell(raw) }
        : { value: raw };
    const problem = itemValueProblem(value.value);
    if (problem) return { error: `${field}: ${problem}` };
    fields[field as "input"] = value.value;
  }

  if (
    fields.metadata !== undefined &&
    fields.metadata !== null &&
    (typeof fields.metadata !== "object" || Array.isArray(fields.metadata))
  ) {
    return { error: "metadata: must be a JSON object" };
  }
  if (fields.sourceObservationId && !fields.sourceTraceId) {
    return { error: "sourceObservationId: give the trace as sourceTraceId too" };
  }
  return fields;
}

/** A record with no content: a blank line, or only separators and spaces. */
function isBlankRecord(values: Record<string, unknown>): boolean {
  return Object.values(values).every((value) =>
    Array.isArray(value)
      ? value.every((item) => String(item).trim() === "")
      : value === undefined || value === null || String(value).trim() === "",
  );
}

/**
 * Rows keep their place in the file even when blank records are skipped: `row` is the record's
 * number after the header (a spreadsheet shows it one line lower), so that a row's number in an
 * error is the one a reader counts in the file.
 */
function parseCsv(content: string): ParsedFile {
  const parsed = Papa.parse<Record<string, unknown>>(content.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: false,
  });
  const columns = (parsed.meta.fields ?? []).filter((name) => name !== "");
  if (columns.length === 0) {
    throw new AppError("bad_request", "content: the CSV has no header row");
  }
  const errorsByRow = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined && !errorsByRow.has(error.row)) {
      errorsByRow.set(error.row, error.message);
    }
  }
  const rows: ParsedFile["rows"] = [];
  for (const [index, values] of parsed.data.entries()) {
    if (isBlankRecord(values)) continue;
    rows.push({ row: index + 1, values, error: errorsByRow.get(index) });
  }
  return { columns, rows };
}

function parseJsonl(content: string): ParsedFile {
  const columns = new Set<string>();
  const rows: ParsedFile["rows"] = [];
  const lines = content.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const row = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "unreadable";
      rows.push({ row, values: null, error: `not valid JSON (${reason})` });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      rows.push({ row, values: null, error: "must be a JSON object" });
      continue;
    }
    const values = value as Record<string, unknown>;
    for (const key of Object.keys(values)) columns.add(key);
    rows.push({ row, values });
  }
  return { columns: [...columns], rows };
}
