import type { Metadata } from "next";
import Link from "next/link";
import { cellClass, ListTable } from "@/components/explorer/list-table";
import { sourceHref } from "@/components/datasets/source-link";
import { formatScore, MAX_COMPARED_RUNS } from "@/lib/dataset-runs/run-format";
import {
  compareRuns,
  listRunSummaries,
  type CompareRow,
  type ItemAtVersion,
  type RunCell,
} from "@/lib/dataset-runs/run-report";
import { getDatasetById } from "@/lib/datasets/datasets";
import { orNotFound, requireDatasetPage } from "@/lib/datasets/require-dataset-page";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { formatCost, formatDuration } from "@/lib/explorer/format";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Compare runs · Sightline" };

const PAGE_SIZE = 50;

function preview(value: unknown): string {
  if (value === null || value === undefined) return "–";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** A field of the item at a version; a version the item's history lacks has no known value. */
function itemPreview(item: ItemAtVersion, field: "input" | "expectedOutput"): string {
  return item.recorded ? preview(item[field]) : "(this version is not in the item's history)";
}

const changedClass = "text-amber-700 dark:text-amber-400";
const otherVersionClass =
  "rounded border border-amber-300 bg-amber-50 p-1 text-[11px] " +
  "dark:border-amber-800 dark:bg-amber-950";
const scoreClass =
  "rounded bg-indigo-50 px-1.5 text-[11px] text-indigo-800 " +
  "dark:bg-indigo-950 dark:text-indigo-200";

/**
 * Under the item's input: the version shown (the one the first compared run used), and when the
 * item was edited after that run, that it changed and its version now.
 */
function ItemVersionNote({ row, runName }: { row: CompareRow; runName: string | null }) {
  const changed = row.shown.version !== row.currentVersion;
  return (
    <p
      className={`mt-1 text-[11px] ${changed ? changedClass : "text-zinc-500"}`}
      data-testid="item-version-note"
    >
      item v{row.shown.version}
      {runName === null ? null : `, as ${runName} used it`}
      {changed ? ` · item changed after this run (now v${row.currentVersion})` : null}
    </p>
  );
}

function Cell({
  projectId,
  row,
  cell,
}: {
  projectId: string;
  row: CompareRow;
  cell: RunCell | undefined;
}) {
  if (!cell) return <span className="text-zinc-400">not run</span>;
  // This run answered another version of the item than the one in the first columns.
  const otherVersion = cell.item.version !== row.shown.version;
  return (
    <div className="space-y-1" data-testid="run-cell">
      {otherVersion ? (
        <div className={otherVersionClass} data-testid="run-cell-item">
          <p className="font-semibold">This run used item v{cell.item.version}:</p>
          <p className="line-clamp-3 break-words whitespace-pre-wrap">
            Input: {itemPreview(cell.item, "input")}
          </p>
          <p className="line-clamp-3 break-words whitespace-pre-wrap">
            Expected: {itemPreview(cell.item, "expectedOutput")}
          </p>
        </div>
      ) : null}
      <p className="line-clamp-4 break-words whitespace-pre-wrap" data-testid="run-cell-output">
        {cell.traced ? (
          (cell.outputPreview ?? <span className="text-zinc-400">no output</span>)
        ) : (
          <span className="text-zinc-400">trace not found (not ingested yet, or deleted)</span>
        )}
      </p>
      <div className="flex flex-wrap gap-1">
        {Object.entries(cell.scores).map(([name, value]) => (
          <span key={name} className={scoreClass} data-testid="run-cell-score">
            {name}: {typeof value === "number" ? formatScore(value) : value}
          </span>
        ))}
      </div>
      <div className="flex gap-2 text-[11px] text-zinc-500">
        {cell.latencyMs === null ? null : <span>{formatDuration(cell.latencyMs)}</span>}
        {cell.totalCost === null ? null : <span>{formatCost(cell.totalCost)}</span>}
        {cell.error ? <span className="font-semibold text-red-600">error</span> : null}
        <span data-testid="run-cell-item-version">item v{cell.item.version}</span>
        {cell.traced ? (
          <Link
            href={sourceHref(projectId, cell.traceId, cell.observationId)}
            className="text-indigo-600 hover:underline dark:text-indigo-400"
          >
            trace
          </Link>
        ) : (
          <span className="font-mono" title="No stored trace has this id">
            {cell.traceId.slice(0, 8)}
          </span>
        )}
      </div>
    </div>
  );
}

/** Dataset items as rows, chosen runs as columns: output, scores, latency and cost per item. */
export default async function CompareRunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; datasetId: string }>;
  searchParams: Promise<{ runs?: string; page?: string }>;
}) {
  const { projectId, datasetId } = await params;
  const query = await searchParams;
  await requireDatasetPage(projectId);
  const dataset = await orNotFound(getDatasetById(projectId, decodeRouteParam(datasetId)));
  const summaries = await listRunSummaries(projectId, dataset.id);
  const wanted = (query.runs ?? "").split(",").filter(Boolean);
  const runs = summaries.filter((run) => wanted.includes(run.id)).slice(0, MAX_COMPARED_RUNS);
  const page = Math.max(1, Math.floor(Number(query.page) || 1));
  const { rows, totalItems } = await compareRuns(
    projectId,
    dataset.id,
    runs.map((run) => run.id),
    { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  );
  const datasetHref = `/project/${projectId}/datasets/${encodeURIComponent(dataset.id)}`;
  const runsParam = runs.map((run) => encodeURIComponent(run.id)).join(",");
  const pageHref = (target: number) => `${datasetHref}/runs?runs=${runsParam}&page=${target}`;

  return (
    <div className="space-y-4">
      <nav className="text-xs text-zinc-500" aria-label="Breadcrumb">
        <Link href={`/project/${projectId}/datasets`} className="hover:text-zinc-900">
          Datasets
        </Link>
        <span className="mx-1">/</span>
        <Link href={datasetHref} className="hover:text-zinc-900">
          {dataset.name}
        </Link>
        <span className="mx-1">/</span>
        <span>Compare runs</span>
      </nav>
      <h1 className="text-xl font-semibold">
        {runs.length === 0 ? "No run chosen" : runs.map((run) => run.name).join(" vs ")}
      </h1>
      {runs.length === 0 ? (
        <p className="text-sm text-zinc-500">
          Choose runs on the <Link href={datasetHref}>dataset page</Link>.
        </p>
      ) : (
        <>
          <ListTable
            testId="compare-table"
            headers={[
              { label: "Input" },
              { label: "Expected output" },
              ...runs.map((run) => ({ label: run.name })),
            ]}
          >
            {rows.map((row) => (
              <tr key={row.itemId} className="align-top" data-testid="compare-row">
                <td className={`${cellClass} max-w-64 break-words whitespace-pre-wrap`}>
                  <span data-testid="compare-input">{itemPreview(row.shown, "input")}</span>
                  <ItemVersionNote
                    row={row}
                    runName={runs.find((run) => run.id === row.shownRunId)?.name ?? null}
                  />
                </td>
                <td className={`${cellClass} max-w-64 break-words whitespace-pre-wrap`}>
                  <span data-testid="compare-expected">
                    {itemPreview(row.shown, "expectedOutput")}
                  </span>
                </td>
                {runs.map((run) => (
                  <td key={run.id} className={`${cellClass} max-w-80`}>
                    <Cell projectId={projectId} row={row} cell={row.runs[run.id]} />
                  </td>
                ))}
              </tr>
            ))}
          </ListTable>
          <div className="flex items-center gap-3 text-xs text-zinc-500">
            <span>
              Items {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, totalItems)} of{" "}
              {totalItems}
            </span>
            {page > 1 ? <Link href={pageHref(page - 1)}>Previous</Link> : null}
            {page * PAGE_SIZE < totalItems ? <Link href={pageHref(page + 1)}>Next</Link> : null}
          </div>
        </>
      )}
    </div>
  );
}
