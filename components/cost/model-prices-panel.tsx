"use client";

import Decimal from "decimal.js";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { apiFetch } from "../ui/api-fetch";
import { buttonClass, cardClass, dangerButtonClass, inputClass, labelClass } from "../ui/styles";
import { perMillionToPerToken } from "@/lib/cost/token-price";
import { countOf } from "@/lib/text/plural";

interface PriceRow {
  id: string;
  modelName: string;
  aliases: string[];
  provider: string | null;
  startDate: string;
  isBuiltIn: boolean;
  inputPrice: string | null;
  outputPrice: string | null;
  cachedInputPrice: string | null;
  cacheWritePrice: string | null;
  reasoningPrice: string | null;
}

interface RunRow {
  id: string;
  status: string;
  processed: number;
  total: number;
  error: string | null;
  createdAt: string;
}

function perMillion(value: string | null): string {
  return value === null ? "—" : `$${new Decimal(value).times(1_000_000).toFixed()}`;
}

function progressPercent(run: RunRow): number {
  if (run.total) return Math.round((run.processed / run.total) * 100);
  return run.status === "done" ? 100 : 0;
}

const EMPTY_FORM = {
  modelName: "",
  aliases: "",
  input: "",
  output: "",
  cached: "",
  cacheWrite: "",
  reasoning: "",
};

/** Project prices and aliases over the built-in registry, with recompute progress. */
export function ModelPricesPanel(props: {
  projectId: string;
  canEdit: boolean;
  prefillModel: string;
  prices: PriceRow[];
  runs: RunRow[];
}) {
  const router = useRouter();
  const [form, setForm] = useState({ ...EMPTY_FORM, modelName: props.prefillModel });
  const [error, setError] = useState<string | null>(null);
  const [runs, setRuns] = useState(props.runs);
  const [filter, setFilter] = useState("");
  const base = `/api/projects/${props.projectId}/models`;
  const active = runs.some((run) => run.status === "queued" || run.status === "running");

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      void apiFetch<{ runs: RunRow[] }>(base).then((result) => setRuns(result.runs));
    }, 1500);
    return () => clearInterval(timer);
  }, [active, base]);

  const submit = async () => {
    setError(null);
    try {
      await apiFetch(base, {
        method: "POST",
        body: {
          modelName: form.modelName,
          aliases: form.aliases
            .split(",")
            .map((alias) => alias.trim())
            .filter(Boolean),
          inputPrice: perMillionToPerToken("Input $ / 1M tokens", form.input),
          outputPrice: perMillionToPerToken("Output $ / 1M tokens", form.output),
          cachedInputPrice: perMillionToPerToken("Cache read $ / 1M", form.cached),
          cacheWritePrice: perMillionToPerToken("Cache write $ / 1M", form.cacheWrite),
          reasoningPrice: perMillionToPerToken("Reasoning $ / 1M", form.reasoning),
        },
      });
      setForm(EMPTY_FORM);
      setRuns((await apiFetch<{ runs: RunRow[] }>(base)).runs);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      await apiFetch(`${base}/${id}`, { method: "DELETE" });
      setRuns((await apiFetch<{ runs: RunRow[] }>(base)).runs);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  const shown = props.prices.filter((price) =>
    `${price.modelName} ${price.aliases.join(" ")}`.toLowerCase().includes(filter.toLowerCase()),
  );

  return (
    <div className="space-y-6">
      {props.canEdit && (
        <section className={cardClass}>
          <h1 className="mb-1 text-base font-semibold">Add a model price</h1>
          <p className="mb-4 text-sm text-zinc-500">
            Project prices beat built-in ones. Aliases map deployment names (e.g. an Azure
            deployment) to this price. Stored costs are recomputed in the background.
          </p>
          <form
            className="grid gap-3 sm:grid-cols-4"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            {(
              [
                ["modelName", "Model", "gpt-4o-mini"],
                ["aliases", "Aliases (comma-separated)", "my-azure-deployment"],
                ["input", "Input $ / 1M tokens", "0.15"],
                ["output", "Output $ / 1M tokens", "0.60"],
                ["cached", "Cache read $ / 1M", "0.075"],
                ["cacheWrite", "Cache write $ / 1M", "input price"],
                ["reasoning", "Reasoning $ / 1M", "output price"],
              ] as const
            ).map(([key, label, placeholder]) => (
              <div key={key}>
                <label htmlFor={`price-${key}`} className={labelClass}>
                  {label}
                </label>
                <input
                  id={`price-${key}`}
                  value={form[key]}
                  placeholder={placeholder}
                  onChange={(event) => setForm({ ...form, [key]: event.target.value })}
                  className={inputClass}
                />
              </div>
            ))}
            <div className="sm:col-span-4">
              <button type="submit" className={buttonClass} disabled={!form.modelName.trim()}>
                Add price
              </button>
            </div>
          </form>
          {error && (
            <p role="alert" className="mt-3 text-sm text-red-600">
              {error}
            </p>
          )}
        </section>
      )}

      {runs.length > 0 && (
        <section className={cardClass} aria-label="Cost recomputation" data-testid="recompute-runs">
          <h2 className="mb-2 text-sm font-medium">Cost recomputation</h2>
          <ul className="space-y-2 text-sm">
            {runs.map((run) => (
              <li key={run.id} className="flex items-center gap-3">
                <span className="w-20 text-zinc-500">{run.status}</span>
                <div className="h-2 flex-1 rounded bg-zinc-200 dark:bg-zinc-800">
                  <div
                    className="h-2 rounded bg-indigo-600"
                    style={{ width: `${progressPercent(run)}%` }}
                  />
                </div>
                <span className="tabular-nums text-zinc-500">
                  {run.processed}/{countOf(run.total, "span")}
                </span>
                {run.error && <span className="text-red-600">{run.error}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={`${cardClass} overflow-x-auto p-0`}>
        <div className="p-3">
          <input
            aria-label="Filter models"
            placeholder="Filter models"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className={`${inputClass} max-w-xs`}
          />
        </div>
        <table className="w-full text-left text-sm">
          <thead className="border-y border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
            <tr>
              <th className="px-4 py-2">Model</th>
              <th className="px-4 py-2">Source</th>
              <th className="px-4 py-2">From</th>
              <th className="px-4 py-2 text-right">Input / 1M</th>
              <th className="px-4 py-2 text-right">Cache read / 1M</th>
              <th className="px-4 py-2 text-right">Cache write / 1M</th>
              <th className="px-4 py-2 text-right">Output / 1M</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((price) => (
              <tr
                key={price.id}
                className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
                data-testid="price-row"
              >
                <td className="px-4 py-2">
                  <div className="font-mono text-xs">{price.modelName}</div>
                  {price.aliases.length > 0 && (
                    <div className="text-xs text-zinc-500">aliases: {price.aliases.join(", ")}</div>
                  )}
                </td>
                <td className="px-4 py-2">{price.isBuiltIn ? "built-in" : "project"}</td>
                <td className="px-4 py-2 whitespace-nowrap">{price.startDate.slice(0, 10)}</td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {perMillion(price.inputPrice)}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {perMillion(price.cachedInputPrice)}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {perMillion(price.cacheWritePrice)}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {perMillion(price.outputPrice)}
                </td>
                <td className="px-4 py-2 text-right">
                  {!price.isBuiltIn && props.canEdit && (
                    <button
                      type="button"
                      className={dangerButtonClass}
                      onClick={() => void remove(price.id)}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
