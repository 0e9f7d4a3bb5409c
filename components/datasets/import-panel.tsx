"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, cardClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { countOf } from "@/lib/text/plural";

const FIELDS = [
  "input",
  "expectedOutput",
  "metadata",
  "id",
  "sourceTraceId",
  "sourceObservationId",
] as const;
type Field = (typeof FIELDS)[number];

/** Mirrors MAX_IMPORT_CHARS of lib/datasets/import-items.ts (checked there again). */
const MAX_FILE_BYTES = 10_000_000;

interface Report {
  columns: string[];
  mapping: Partial<Record<Field, string | null>>;
  totalRows: number;
  preview: Array<Record<string, unknown>>;
  imported: number;
  problem: string | null;
  errors: Array<{ row: number; message: string }>;
  moreErrors: number;
  notes: string[];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/**
 * Import of a CSV or JSONL file: upload, a preview with the column mapping, then the import.
 * Each row stands alone: bad rows are listed with their numbers and the good rows are kept.
 */
export function ImportPanel({
  importUrl,
  onImported,
}: {
  importUrl: string;
  onImported: () => void;
}) {
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [format, setFormat] = useState<"csv" | "jsonl">("csv");
  const [mapping, setMapping] = useState<Partial<Record<Field, string>>>({});
  const [parseJson, setParseJson] = useState(true);
  const [report, setReport] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean, content = file?.content, nextFormat = format) {
    if (content === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        format: nextFormat,
        content,
        parseJson,
        dryRun,
        mapping: Object.fromEntries(FIELDS.map((field) => [field, mapping[field] ?? null])),
      };
      // A first preview lets the server guess the mapping from column names.
      if (dryRun && Object.keys(mapping).length === 0)
        delete (body as { mapping?: unknown }).mapping;
      const result = await apiFetch<Report>(importUrl, { method: "POST", body });
      if (dryRun) {
        setReport(result);
        setMapping(
          Object.fromEntries(
            FIELDS.flatMap((field) =>
              result.mapping[field] ? [[field, result.mapping[field]]] : [],
            ),
          ),
        );
      } else {
        setDone(result);
        onImported();
      }
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    } finally {
      setBusy(false);
    }
  }

  async function choose(selected: File | undefined) {
    setReport(null);
    setDone(null);
    setMapping({});
    if (!selected) return;
    if (selected.size > MAX_FILE_BYTES) {
      setError(`The file is larger than ${MAX_FILE_BYTES / 1_000_000} MB`);
      return;
    }
    const content = await selected.text();
    const nextFormat = /\.jsonl?$|\.ndjson$/i.test(selected.name) ? "jsonl" : "csv";
    setFormat(nextFormat);
    setFile({ name: selected.name, content });
    await send(true, content, nextFormat);
  }

  const result = done ?? report;
  return (
    <div className={`${cardClass} space-y-3`} data-testid="import-panel">
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="file"
          accept=".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson"
          onChange={(event) => void choose(event.target.files?.[0])}
          data-testid="import-file"
          className="text-sm"
        />
        <select
          className={`${inputClass} w-auto!`}
          aria-label="Format"
          value={format}
          onChange={(event) => setFormat(event.target.value as "csv" | "jsonl")}
        >
          <option value="csv">CSV</option>
          <option value="jsonl">JSONL</option>
        </select>
        {format === "csv" ? (
          <label className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={parseJson}
              onChange={(event) => setParseJson(event.target.checked)}
            />
            Read JSON in cells
          </label>
        ) : null}
      </div>
      {report ? (
        <div className="grid gap-2 sm:grid-cols-3">
          {FIELDS.map((field) => (
            <label key={field} className="text-xs text-zinc-600 dark:text-zinc-400">
              {field}
              <select
                className={`${inputClass} mt-0.5`}
                value={mapping[field] ?? ""}
                onChange={(event) =>
                  setMapping({ ...mapping, [field]: event.target.value || undefined })
                }
                data-testid={`map-${field}`}
              >
                <option value="">(none)</option>
                {report.columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      ) : null}
      {report && report.preview.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="text-xs" data-testid="import-preview">
            <thead>
              <tr>
                {report.columns.map((column) => (
                  <th key={column} className="px-2 py-1 text-left font-medium text-zinc-500">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.preview.map((row, index) => (
                <tr key={index}>
                  {report.columns.map((column) => (
                    <td key={column} className="px-2 py-1 font-mono">
                      {cellText(row[column])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result ? (
        <div className="space-y-1 text-sm" data-testid="import-report">
          {result.problem && !mapping.input ? (
            <p className="text-amber-700 dark:text-amber-400">{result.problem}</p>
          ) : null}
          <p>
            {done
              ? `Imported ${done.imported} of ${countOf(done.totalRows, "row")}.`
              : `${countOf(result.totalRows, "row")}; ` +
                `${result.errors.length + result.moreErrors} with problems.`}
          </p>
          {result.notes.map((note) => (
            <p
              key={note}
              className="text-xs text-zinc-600 dark:text-zinc-400"
              data-testid="import-note"
            >
              {note}
            </p>
          ))}
          {result.errors.length > 0 && format === "csv" ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Rows are numbered from the first row after the header, blank rows included.
            </p>
          ) : null}
          {result.errors.length > 0 ? (
            <ul className="max-h-40 overflow-y-auto text-xs text-red-700 dark:text-red-400">
              {result.errors.map((rowError) => (
                <li key={`${rowError.row}:${rowError.message}`}>
                  {format === "csv" ? "Row" : "Line"} {rowError.row}: {rowError.message}
                </li>
              ))}
              {result.moreErrors > 0 ? <li>…and {result.moreErrors} more</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="text-sm text-red-600" data-testid="import-error">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={busy || !file}
          onClick={() => void send(true)}
        >
          Check again
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={busy || !file || !mapping.input}
          onClick={() => void send(false)}
          data-testid="import-run"
        >
          Import rows
        </button>
      </div>
      <p className="text-xs text-zinc-500">
        Rows with problems are skipped and listed; the others are imported. A row whose id exists in
        this dataset updates that item (a new version); an id from another dataset makes a new item.
      </p>
    </div>
  );
}
