import type { MappingSource, Usage } from "@/lib/ingest/types";

import type { AttributeReader } from "./attributes";
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

const CACHE_DETAILS: UsageField[] = ["cacheRead", "cacheWrite"];

/**
 * Brings counts to Sightline's rule (input includes its details, output includes its details),
 * clamps a detail larger than its total with a warning, and fills total from input and output
 * when it was not given. Null when nothing was reported.
 */
/**
 * The counts of the first attribute per field that holds one (keys in precedence order), and the
 * fields whose attribute was sent but is no token count (refused with a warning).
 */
export function readTokenCounts(
  attributes: AttributeReader,
  keys: ReadonlyArray<readonly [UsageField, string]>,
): { counts: UsageCounts; unreadable: Set<UsageField> } {
  const counts: UsageCounts = {};
  const unreadable = new Set<UsageField>();
  for (const [field, key] of keys) {
    if (counts[field]) continue;
    const value = attributes.readTokenCount(key);
    if (value !== null) counts[field] = { value, source: key };
    else if (attributes.get(key) !== undefined) unreadable.add(field);
  }
  for (const field of Object.keys(counts) as UsageField[]) unreadable.delete(field);
  return { counts, unreadable };
}

/**
 * `unreadable` names fields that were sent but refused: a total is then not made up from the
 * other side alone.
 */
export function normalizeUsage(
  counts: UsageCounts,
  layout: DetailLayout,
  warnings: string[],
  unreadable: ReadonlySet<UsageField> = new Set(),
): NormalizedUsage | null {
  if (Object.values(counts).every((count) => count === undefined)) return null;

  let input = counts.input;
  if (layout === "beside") input = addDetails(counts.input, counts, INPUT_DETAILS);
  else if (inputLeavesOutCache(counts)) input = addDetails(counts.input, counts, CACHE_DETAILS);
  const output =
    layout === "beside" ? addDetails(counts.output, counts, OUTPUT_DETAILS) : counts.output;
  const resolved: UsageCounts = { ...counts, input, output };

  clampDetails(resolved, "input", INPUT_DETAILS, warnings);
  clampDetails(resolved, "output", OUTPUT_DETAILS, warnings);
  resolved.total = resolveTotal(resolved, warnings, unreadable);

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

/**
 * Whether counts said to include the cache in input ("included") in fact report it beside:
 * the cached tokens outnumber the input, or the total is input + output + cache rather than
 * input + output. Anthropic's API counts input without the cache, and instrumentations that copy
 * its (or Bedrock's) numbers into gen_ai.usage.input_tokens or llm.token_count.prompt keep
 * that, so clamping the cache to the input would price most of the prompt as nothing.
 */
function inputLeavesOutCache(counts: UsageCounts): boolean {
  const { input, output, total } = counts;
  const cache = (counts.cacheRead?.value ?? 0) + (counts.cacheWrite?.value ?? 0);
  if (!input || cache === 0) return false;
  if (cache > input.value) return true;
  return total !== undefined && total.value === input.value + (output?.value ?? 0) + cache;
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

function resolveTotal(
  counts: UsageCounts,
  warnings: string[],
  unreadable: ReadonlySet<UsageField>,
): Sourced<number> | undefined {
  const { input, output, total } = counts;

  if (total) {
    const sum = (input?.value ?? 0) + (output?.value ?? 0);
    if (input && output && total.value !== sum) {
      const relation = total.value < sum ? "less" : "more";
      warnings.push(
        `usage.total (${total.value} from ${total.source}) is ${relation} than input + output ` +
          `(${sum}); kept as reported`,
      );
    }
    return total;
  }

  if (input && output)
    return { value: input.value + output.value, source: "computed: input + output" };
  // An embedding reports input only (and some calls output only): that count is the total,
  // unless the other side was sent but unreadable, or only its details came (it is unknown).
  const unknown = (field: "input" | "output", details: UsageField[]) =>
    unreadable.has(field) || details.some((detail) => counts[detail] !== undefined);
  if (input && !unknown("output", OUTPUT_DETAILS))
    return { value: input.value, source: "computed: input" };
  if (output && !unknown("input", INPUT_DETAILS))
    return { value: output.value, source: "computed: output" };
  return undefined;
}
