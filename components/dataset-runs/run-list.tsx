"use client";

import Link from "next/link";
import { useState } from "react";
import { datasetPagePath } from "@/components/datasets/dataset-paths";
import { DisplayTime } from "@/components/explorer/time-zone";
import { cellClass, ListTable, numberCellClass } from "@/components/explorer/list-table";
import { secondaryButtonClass } from "@/components/ui/styles";
import { formatScore, MAX_COMPARED_RUNS } from "@/lib/dataset-runs/run-format";
import type { RunSummary } from "@/lib/dataset-runs/run-report";
import { formatCost, formatDuration } from "@/lib/explorer/format";
import { countOf } from "@/lib/text/plural";

/** A dataset's runs (experiments) with totals and average scores; pick some to compare. */
export function RunList({
  projectId,
  datasetId,
  runs,
}: {
  projectId: string;
  datasetId: string;
  runs: RunSummary[];
}) {
  const [chosen, setChosen] = useState<string[]>(() => runs.slice(0, 2).map((run) => run.id));
  const scoreNames = [...new Set(runs.flatMap((run) => Object.keys(run.scores)))].sort();
  const runsHref = `${datasetPagePath(projectId, datasetId)}/runs`;
  const compareHref = `${runsHref}?runs=${chosen.map(encodeURIComponent).join(",")}`;

  if (runs.length === 0) {
    return (
      <p
        className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700"
        data-testid="runs-empty"
      >
        No runs yet. Run an experiment over this dataset (for example with the Langfuse
        client&apos;s <code>dataset.runExperiment</code>, or by posting to{" "}
        <code>/api/public/dataset-run-items</code>) and each run shows up here with its scores,
        latency and cost.
      </p>
    );
  }

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <Link
          href={compareHref}
          className={secondaryButtonClass}
          aria-disabled={chosen.length === 0}
          data-testid="compare-runs"
        >
          Compare {countOf(chosen.length, "run")}
        </Link>
        <span className="text-xs text-zinc-500">Pick up to {MAX_COMPARED_RUNS} runs.</span>
      </div>
      <ListTable
        testId="runs-table"
        headers={[
          { label: "" },
          { label: "Run" },
          { label: "Created" },
          { label: "Items", align: "right" },
          { label: "Avg latency", align: "right" },
          { label: "Cost", align: "right" },
          ...scoreNames.map((name) => ({ label: name, align: "right" as const })),
          { label: "Run scores" },
        ]}
      >
        {runs.map((run) => (
          <tr key={run.id} data-testid="run-row">
            <td className={cellClass}>
              <input
                type="checkbox"
                aria-label={`Compare ${run.name}`}
                checked={chosen.includes(run.id)}
                disabled={!chosen.includes(run.id) && chosen.length >= MAX_COMPARED_RUNS}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, run.id]
                      : current.filter((id) => id !== run.id),
                  )
                }
              />
            </td>
            <td className={`${cellClass} max-w-64`}>
              <Link
                href={`${runsHref}?runs=${encodeURIComponent(run.id)}`}
                className="font-medium break-words text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {run.name}
              </Link>
              {run.description ? (
                <div className="truncate text-zinc-500">{run.description}</div>
              ) : null}
            </td>
            <td className={`${cellClass} whitespace-nowrap`}>
              <DisplayTime iso={run.createdAt} short />
            </td>
            <td className={numberCellClass}>
              {run.itemCount}
              {run.tracedCount < run.itemCount ? (
                <span
                  className="text-zinc-400"
                  title="traces not found: not ingested yet, or deleted"
                >
                  {" "}
                  ({run.itemCount - run.tracedCount} pending)
                </span>
              ) : null}
            </td>
            <td className={numberCellClass}>
              {run.avgLatencyMs === null ? "–" : formatDuration(run.avgLatencyMs)}
            </td>
            <td className={numberCellClass}>{formatCost(run.totalCost)}</td>
            {scoreNames.map((name) => (
              <td key={name} className={numberCellClass} data-testid={`run-score-${name}`}>
                {run.scores[name] === undefined ? "–" : formatScore(run.scores[name])}
              </td>
            ))}
            <td className={`${cellClass} whitespace-nowrap`}>
              {Object.entries(run.runScores)
                .map(([name, value]) => `${name} ${formatScore(value)}`)
                .join(", ") || "–"}
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
