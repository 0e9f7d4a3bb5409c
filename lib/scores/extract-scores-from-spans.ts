import { AttributeReader } from "../ingest/map/attributes";
import type { MappedSpan, OtlpKeyValue } from "../ingest/types";

import type { ScoreRecord } from "./save-scores";
import { isStorableScoreNumber } from "./score-schemas";

/** The OTel GenAI event that carries one evaluation result. */
export const EVALUATION_RESULT_EVENT = "gen_ai.evaluation.result";

const MAX_SCORE_NAME_LENGTH = 200;
const MAX_COMMENT_LENGTH = 5000;

/** One evaluation read from a span or an event, before it becomes a score. */
interface Evaluation {
  name: string;
  value: number | null;
  label: string | null;
  explanation: string | null;
}

/**
 * Judge output sent as spans, as EVAL scores: every EVALUATOR span (scoring its parent span,
 * or the trace when it has none) and every `gen_ai.evaluation.result` event (scoring the span
 * it is on). Ids are derived from trace, span and score name, so a re-sent batch replaces its
 * scores instead of adding more.
 */
export function extractScoresFromSpans(
  projectId: string,
  mappedSpans: readonly MappedSpan[],
): ScoreRecord[] {
  const scores: ScoreRecord[] = [];
  for (const mapped of mappedSpans) {
    const { span } = mapped;
    const isEvaluator = mapped.type === "EVALUATOR";
    // An evaluator reporting its own result as an event evaluates what its span evaluates.
    const target = isEvaluator ? span.parentSpanId || null : span.spanId;

    if (isEvaluator) {
      const evaluation = readEvaluatorSpan(mapped);
      if (evaluation) {
        scores.push(toScore(projectId, mapped, evaluation, target, span.endTimeUnixNano));
      }
    }
    for (const event of span.events) {
      if (event.name !== EVALUATION_RESULT_EVENT) continue;
      const evaluation = readEvaluationEvent(event.attributes);
      if (evaluation) {
        scores.push(toScore(projectId, mapped, evaluation, target, event.timeUnixNano));
      }
    }
  }
  return scores;
}

function readEvaluatorSpan(mapped: MappedSpan): Evaluation | null {
  const reader = new AttributeReader(mapped.span.attributes, []);
  const name = reader.readString("gen_ai.evaluation.name") ?? mapped.span.name;
  const value = storableOrNull(
    reader.readNumber("gen_ai.evaluation.score.value") ??
      reader.readNumber("eval.score") ??
      numberOf(mapped.output),
  );
  const label = reader.readString("gen_ai.evaluation.score.label");
  const explanation =
    reader.readString("gen_ai.evaluation.explanation") ?? reader.readString("eval.explanation");
  return value === null && label === null ? null : { name, value, label, explanation };
}

function readEvaluationEvent(attributes: readonly OtlpKeyValue[]): Evaluation | null {
  const reader = new AttributeReader(attributes, []);
  // Limitation: an event without gen_ai.evaluation.name (required by the semconv) is skipped:
  // there is no name to score under that a re-send would reproduce.
  const name = reader.readString("gen_ai.evaluation.name");
  const value = storableOrNull(reader.readNumber("gen_ai.evaluation.score.value"));
  const label = reader.readString("gen_ai.evaluation.score.label");
  if (name === null || (value === null && label === null)) return null;
  return { name, value, label, explanation: reader.readString("gen_ai.evaluation.explanation") };
}

/**
 * A judge's number outside the storable range (see MAX_SCORE_MAGNITUDE) is left out, as if not
 * sent: the span is stored anyway, and one bad score must not cost the request's other scores.
 */
function storableOrNull(value: number | null): number | null {
  return value !== null && isStorableScoreNumber(value) ? value : null;
}

/** A judge's output that is a plain number (or numeric text) is its score. */
function numberOf(output: unknown): number | null {
  const number =
    typeof output === "number"
      ? output
      : typeof output === "string" && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(output)
        ? Number(output)
        : null;
  return number !== null && Number.isFinite(number) ? number : null;
}

function toScore(
  projectId: string,
  mapped: MappedSpan,
  evaluation: Evaluation,
  observationId: string | null,
  timeUnixNano: string,
): ScoreRecord {
  const { span } = mapped;
  const name = evaluation.name.slice(0, MAX_SCORE_NAME_LENGTH);
  return {
    id: `eval-${span.traceId}-${span.spanId}-${name}`,
    projectId,
    name,
    // A label makes the score categorical (label plus its numeric value, if any).
    dataType: evaluation.label === null ? "NUMERIC" : "CATEGORICAL",
    value: evaluation.value,
    stringValue: evaluation.label,
    source: "EVAL",
    comment: evaluation.explanation?.slice(0, MAX_COMMENT_LENGTH) ?? null,
    metadata: null,
    environment: mapped.environment,
    authorUserId: null,
    authorApiKeyId: null,
    traceId: span.traceId,
    observationId,
    sessionId: null,
    configId: null,
    timestamp: instantOf(timeUnixNano),
  };
}

function instantOf(unixNano: string): Date | null {
  if (!/^\d+$/.test(unixNano) || unixNano === "0") return null;
  return new Date(Number(BigInt(unixNano) / 1_000_000n));
}
