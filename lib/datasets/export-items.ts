import Papa from "papaparse";

import { getSql } from "../db/sql";

import { toCsvCell, toCsvTextCell } from "./csv-cells";
import { itemColumns, toPublicDatasetItem, type DatasetItemRow } from "./dataset-fields";
import type { DatasetItemStatusName } from "./dataset-schemas";

const EXPORT_PAGE = 500;

export type ExportFormat = "jsonl" | "csv";

const CSV_COLUMNS = [
  "id",
  "input",
  "expectedOutput",
  "metadata",
  "sourceTraceId",
  "sourceObservationId",
  "status",
] as const;

/**
 * The items of a dataset as a stream of JSONL lines or CSV rows (UTF-8 without BOM), read page
 * by page in creation order so that a large dataset never sits in memory whole. In CSV, JSON
 * values are written as JSON text and strings as they are unless they would read back as another
 * value, text a spreadsheet would run as a formula with a leading ' that the import removes (see
 * toCsvCell); quoting follows RFC 4180.
 */
export function exportDatasetItems(
  projectId: string,
  datasetId: string,
  format: ExportFormat,
  status?: DatasetItemStatusName,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = readPages(projectId, datasetId, status);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pages.next();
      if (next.done) {
        if (first && format === "csv") controller.enqueue(encoder.encode(csvHeader()));
        controller.close();
        return;
      }
      const text = format === "jsonl" ? toJsonl(next.value) : datasetItemsCsv(next.value, first);
      first = false;
      controller.enqueue(encoder.encode(text));
    },
  });
}

async function* readPages(projectId: string, datasetId: string, status?: DatasetItemStatusName) {
  const sql = getSql();
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const afterLast = after
      ? sql`AND (i."createdAt", i."id")
          > (${after.createdAt.toISOString()}::text::timestamptz AT TIME ZONE 'UTC', ${after.id})`
      : sql``;
    const rows: DatasetItemRow[] = await sql<DatasetItemRow[]>`
      SELECT ${itemColumns(sql)}
      FROM "DatasetItem" AS i JOIN "Dataset" AS d ON d."id" = i."datasetId"
      WHERE i."projectId" = ${projectId} AND i."datasetId" = ${datasetId}
        ${status ? sql`AND i."status" = ${status}::"DatasetItemStatus"` : sql``}
        ${afterLast}
      ORDER BY i."createdAt", i."id"
      LIMIT ${EXPORT_PAGE}`;
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] as DatasetItemRow;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < EXPORT_PAGE) return;
  }
}

function toJsonl(rows: DatasetItemRow[]): string {
  return rows
    .map((row) => {
      const item = toPublicDatasetItem(row);
      return `${JSON.stringify({
        id: item.id,
        input: item.input,
        expectedOutput: item.expectedOutput,
        metadata: item.metadata,
        sourceTraceId: item.sourceTraceId,
        sourceObservationId: item.sourceObservationId,
        status: item.status,
      })}\n`;
    })
    .join("");
}

function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

/** Items as CSV records (CRLF line ends, each record ended), with the header row if asked. */
export function datasetItemsCsv(rows: DatasetItemRow[], withHeader: boolean): string {
  const records = rows.map((row) => [
    toCsvTextCell(row.id),
    toCsvCell(row.input),
    toCsvCell(row.expectedOutput),
    toCsvCell(row.metadata),
    toCsvTextCell(row.sourceTraceId),
    toCsvTextCell(row.sourceObservationId),
    row.status,
  ]);
  const body = Papa.unparse(records, { newline: "\r\n" });
  return `${withHeader ? csvHeader() : ""}${body}\r\n`;
}
