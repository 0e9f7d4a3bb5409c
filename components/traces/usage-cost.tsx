import { formatCost, formatTokens } from "@/lib/explorer/format";
import type { SpanDetail } from "@/lib/explorer/types";

/**
 * Token usage and cost of a span, broken down. Input counts cached tokens and output counts
 * reasoning tokens (the ingest's normalization), so those are shown as parts, not added on top.
 */

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-[11px] text-zinc-500" title={hint ?? label}>
        {label}
      </dt>
      <dd className="font-mono text-sm tabular-nums">{value}</dd>
    </div>
  );
}

/** Parts of a priced cost (lib/cost/compute-cost), in reading order, with their labels. */
const COST_PARTS: Array<[key: string, label: string]> = [
  ["input", "Uncached input"],
  ["cacheRead", "Cached read"],
  ["cacheWrite", "Cache write"],
  ["audioInput", "Audio input"],
  ["imageInput", "Image input"],
  ["output", "Output"],
  ["reasoning", "Reasoning"],
  ["audioOutput", "Audio output"],
];

function readCostDetails(details: unknown) {
  const record =
    typeof details === "object" && details !== null && !Array.isArray(details)
      ? (details as Record<string, unknown>)
      : {};
  const parts = COST_PARTS.flatMap(([key, label]) => {
    const value = record[key];
    // Parts that cost nothing (no cached tokens, say) are noise in a breakdown.
    return typeof value === "string" && value !== "" && Number(value) !== 0
      ? [{ key, label, value }]
      : [];
  });
  const flags = Array.isArray(record.flags)
    ? record.flags.filter((flag): flag is string => typeof flag === "string")
    : [];
  const matchedModel = typeof record.matchedModel === "string" ? record.matchedModel : null;
  return { parts, flags, matchedModel };
}

function costSourceText(cost: SpanDetail["cost"], matchedModel: string | null): string | null {
  if (cost.source === "client") return "Cost reported by the client.";
  if (cost.source !== "price") return null;
  const price = cost.priceId ? ` (price ${cost.priceId})` : "";
  return `Priced as ${matchedModel ?? "a known model"}${price}.`;
}

/** The token counts worth showing: input and output always, their parts when reported. */
function usageFigures(usage: SpanDetail["usage"]) {
  const cached = (usage.cacheRead ?? 0) + (usage.cacheWrite ?? 0);
  const figures: Array<{ label: string; value: string; hint?: string }> = [
    { label: "Input tokens", value: formatTokens(usage.input), hint: "All input tokens" },
  ];
  if (cached > 0 && usage.input !== null) {
    figures.push({ label: "Uncached", value: formatTokens(usage.input - cached) });
  }
  if (usage.cacheRead !== null)
    figures.push({ label: "Cached read", value: formatTokens(usage.cacheRead) });
  if (usage.cacheWrite !== null) {
    figures.push({ label: "Cache write", value: formatTokens(usage.cacheWrite) });
  }
  figures.push({
    label: "Output tokens",
    value: formatTokens(usage.output),
    hint: "Reasoning included",
  });
  if (usage.reasoning !== null) {
    figures.push({
      label: "Reasoning",
      value: formatTokens(usage.reasoning),
      hint: "Part of output",
    });
  }
  if (usage.audioInput !== null)
    figures.push({ label: "Audio in", value: formatTokens(usage.audioInput) });
  if (usage.audioOutput !== null) {
    figures.push({ label: "Audio out", value: formatTokens(usage.audioOutput) });
  }
  if (usage.imageInput !== null)
    figures.push({ label: "Image in", value: formatTokens(usage.imageInput) });
  figures.push({ label: "Total tokens", value: formatTokens(usage.total) });
  return figures;
}

export function UsageAndCost({ usage, cost }: Pick<SpanDetail, "usage" | "cost">) {
  const hasUsage = [usage.input, usage.output, usage.total].some((value) => value !== null);
  const hasCost = [cost.input, cost.output, cost.total].some((value) => value !== null);
  if (!hasUsage && !hasCost) return null;

  const details = readCostDetails(cost.details);

  return (
    <div className="space-y-2" data-testid="usage-cost">
      {hasUsage ? (
        <dl className="grid grid-cols-4 gap-x-4 gap-y-1" aria-label="Usage">
          {usageFigures(usage).map((figure) => (
            <Figure key={figure.label} {...figure} />
          ))}
          {usage.estimated ? (
            <p className="col-span-full text-[11px] text-amber-700 dark:text-amber-400">
              Usage estimated with a tokenizer (the client reported none).
            </p>
          ) : null}
        </dl>
      ) : null}
      {hasCost ? (
        <dl className="grid grid-cols-4 gap-x-4 gap-y-1" aria-label="Cost">
          {details.parts.length > 0 ? (
            details.parts.map((part) => (
              <Figure
                key={part.key}
                label={`${part.label} cost`}
                value={formatCost(part.value)}
                hint={part.value}
              />
            ))
          ) : (
            <>
              <Figure
                label="Input cost"
                value={formatCost(cost.input)}
                hint={cost.input ?? undefined}
              />
              <Figure
                label="Output cost"
                value={formatCost(cost.output)}
                hint={cost.output ?? undefined}
              />
            </>
          )}
          <Figure
            label="Total cost"
            value={formatCost(cost.total)}
            hint={cost.total ?? undefined}
          />
          <p className="col-span-full text-[11px] text-zinc-500">
            {costSourceText(cost, details.matchedModel)}
          </p>
          {details.flags.map((flag) => (
            <p key={flag} className="col-span-full text-[11px] text-amber-700 dark:text-amber-400">
              {flag}
            </p>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
