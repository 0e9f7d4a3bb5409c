import type { MappingSource, Usage } from "@/lib/ingest/types";

import type { Sourced } from "./convention-result";

export type UsageField = keyof Usage;

/** Token counts one convention reported, each with the attribute it came from. */
export type UsageCounts = Partial<Record<UsageField, Sourced<number>>>;

/**
 * How a convention counts details:
 * - "included": input already counts cached/audio/image tokens and output counts reasoning/audio
 *   (OTel GenAI, OpenInference, Vercel AI SDK, OpenAI's own usage object);
 * - "beside": input and output exclude them and the details are added on top (Langfuse
 *   usage_details, Anthropic's input_tokens next to cache_read_input_tokens).
 */
export type DetailLayout = "included" | "beside";

export interface NormalizedUsage {
  usage: Usage;
  sources: MappingSource[];
}

/** Every Usage field, in the order they are reported. */
export const USAGE_FIELDS: readonly UsageField[] = [
  "input",
  "output",
  "total",
  "cacheRead",
  "cacheWrite",
  "reasoning",
  "audioInput",
  "audioOutput",
  "imageInput",
];

const INPUT_DETAILS: UsageField[] = ["cacheRead", "cacheWrite", "audioInput", "imageInput"];
const OUTPUT_DETAILS: UsageField[] = ["reasoning", "audioOutput"];

/**
 * Brings counts to Sightline's rule (input includes its details, output includes its details),
 * clamps a detail larger than its total with a warning, and fills total as input + output when
 * it was not given. Null when nothing was reported.
 */
export function normalizeUsage(
  counts: UsageCounts,
  layout: DetailLayout,
  warnings: string[],
): NormalizedUsage | null {
  if (Object.values(counts).every((count) => count === undefined)) return null;

  const input =
    layout === "beside" ? addDetails(counts.input, counts, INPUT_DETAILS) : counts.input;
  const output =
    layout === "beside" ? addDetails(counts.output, counts, OUTPUT_DETAILS) : counts.output;
  const resolved: UsageCounts = { ...counts, input, output };

  clampDetails(resolved, "input", INPUT_DETAILS, warnings);
  clampDetails(resolved, "output", OUTPUT_DETAILS, warnings);
  resolved.total = resolveTotal(resolved, warnings);

  const usage: Usage = {
    input: null,
    output: null,
    total: null,
    cacheRead: null,
    cacheWrite: null,
    reasoning: null,
    audioInput: null,
    audioOutput: null,
    imageInput: null,
  };
  const sources: MappingSource[] = [];
  for (const field of USAGE_FIELDS) {
    const count = resolved[field];
    if (!count) continue;
    usage[field] = count.value;
    sources.push({ field: `usage.${field}`, source: count.source });
  }

  return { usage, sources };
}

function addDetails(
  base: Sourced<number> | undefined,
  counts: UsageCounts,
  details: UsageField[],
): Sourced<number> | undefined {
  if (!base) return undefined;

  const present = details.flatMap((field) => (counts[field] ? [counts[field]] : []));
  if (present.length === 0) return base;
  return {
    value: present.reduce((sum, detail) => sum + detail.value, base.value),
    source: [base, ...present].map((count) => count.source).join(" + "),
  };
}

function clampDetails(
  counts: UsageCounts,
  totalField: "input" | "output",
  details: UsageField[],
  warnings: string[],
): void {
  const total = counts[totalField];
  if (!total) return;

  for (const field of details) {
    const detail = counts[field];
    if (!detail || detail.value <= total.value) continue;
    warnings.push(
      `usage.${field} (${detail.value} from ${detail.source}) exceeds usage.${totalField} ` +
        `(${total.value}); clamped to ${total.value}`,
    );
    counts[field] = { value: total.value, source: detail.source };
  }
}

function resolveTotal(counts: UsageCounts, warnings: string[]): Sourced<number> | undefined {
  const { input, output, total } = counts;

  if (total) {
    if (input && output && total.value < input.value + output.value) {
      warnings.push(
        `usage.total (${total.value} from ${total.source}) is less than input + output ` +
          `(${input.value + output.value}); kept as reported`,
      );
    }
    return total;
  }

  if (input && output)
    return { value: input.value + output.value, source: "computed: input + output" };
  return undefined;
}
