"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { secondaryButtonClass } from "@/components/ui/styles";
import {
  formatScoreFilter,
  parseScoreFilter,
  SCORE_FILTER_OPERATORS,
  type ScoreFilterOperator,
} from "@/lib/explorer/score-filter";
import type { TraceListQuery } from "@/lib/explorer/trace-list-query";
import { useListHref } from "./use-list-href";

const OPERATOR_LABEL: Record<ScoreFilterOperator, string> = {
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  eq: "=",
  neq: "≠",
};

const fieldClass =
  "rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Filters on scores (kept in the URL as score=name:op:value): a number compares the trace's
 * average of that score, a label with = or ≠ matches it exactly.
 */
export function ScoreFilterBar({
  query,
  scoreNames,
}: {
  query: TraceListQuery;
  scoreNames: string[];
}) {
  const router = useRouter();
  const listHref = useListHref(query);
  const [name, setName] = useState(scoreNames[0] ?? "");
  const [operator, setOperator] = useState<ScoreFilterOperator>("lt");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  if (scoreNames.length === 0 && query.score.length === 0) return null;

  const add = () => {
    const filter = parseScoreFilter(`${name}:${operator}:${value.trim()}`);
    if (!filter) {
      setProblem("Give a number, or a label with = or ≠");
      return;
    }
    setProblem(null);
    router.push(listHref({ score: [...query.score, filter] }));
  };

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="score-filters">
      <span className="text-xs font-medium text-zinc-500">Scores</span>
      {query.score.map((filter, index) => (
        <span
          key={formatScoreFilter(filter)}
          className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
          data-testid="score-filter-chip"
        >
          {filter.name} {OPERATOR_LABEL[filter.operator]} {String(filter.value)}
          <button
            type="button"
            aria-label={`Remove score filter ${filter.name}`}
            onClick={() =>
              router.push(listHref({ score: query.score.filter((_, at) => at !== index) }))
            }
          >
            ×
          </button>
        </span>
      ))}
      <form
        className="inline-flex flex-wrap items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <select
          aria-label="Score name"
          className={fieldClass}
          value={name}
          onChange={(event) => setName(event.target.value)}
        >
          {scoreNames.map((scoreName) => (
            <option key={scoreName} value={scoreName}>
              {scoreName}
            </option>
          ))}
        </select>
        <select
          aria-label="Score comparison"
          className={fieldClass}
          value={operator}
          onChange={(event) => setOperator(event.target.value as ScoreFilterOperator)}
        >
          {SCORE_FILTER_OPERATORS.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_LABEL[op]}
            </option>
          ))}
        </select>
        <input
          aria-label="Score value"
          className={`${fieldClass} w-24`}
          value={value}
          placeholder="0.6 or label"
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className={secondaryButtonClass} disabled={!name || !value.trim()}>
          Filter
        </button>
      </form>
      {problem ? <span className="text-xs text-red-600">{problem}</span> : null}
    </div>
  );
}
