import type { Usage } from "@/lib/ingest/types";
import type { TraceScoreCell } from "@/lib/scores/trace-score-cells";
import type {
  AttributeEntry,
  EventView,
  LinkView,
  ResourceView,
  ScopeView,
} from "./attribute-entries";

/**
 * What the explorer's server code hands to its pages, client islands and JSON routes. Plain JSON
 * (no bigint, no Date) so the same shapes cross the server-component boundary and the wire.
 * Exact nanoseconds travel as decimal strings, costs as decimal strings (numeric, never float).
 */

/** One row of the traces list. */
export interface TraceListRow {
  traceId: string;
  name: string | null;
  /** ISO-8601 UTC. */
  startTime: string;
  userId: string | null;
  sessionId: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  models: string[];
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  totalCost: string | null;
  spanCount: number;
  errorCount: number;
  level: string;
  inputPreview: string | null;
  outputPreview: string | null;
  /** The trace's scores averaged per score name (see lib/scores/trace-score-cells.ts). */
  scores?: Record<string, TraceScoreCell>;
}

export type TraceListPage = KeysetPage<TraceListRow>;

/** Recent values of the filterable fields, offered as suggestions in the filter inputs. */
export interface TraceFilterOptions {
  names: string[];
  features: string[];
  models: string[];
  environments: string[];
  releases: string[];
  tags: string[];
}

export interface TokenTotals {
  input: number;
  output: number;
  total: number;
  cacheRead: number;
  cacheWrite: number;
  reasoning: number;
}

export interface CostTotals {
  input: string | null;
  output: string | null;
  total: string | null;
}

/** The trace rollup shown above the tree. */
export interface TraceSummary {
  traceId: string;
  name: string | null;
  startTime: string;
  endTime: string;
  startNs: string;
  latencyMs: number;
  userId: string | null;
  sessionId: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  version: string | null;
  models: string[];
  level: string;
  errorCount: number;
  spanCount: number;
  missingParentCount: number;
  unpricedCount: number;
  tokens: TokenTotals;
  cost: CostTotals;
}

/**
 * One span of the tree without its payloads, in depth-first pre-order. The subtree of node i is
 * nodes i+1 … i+descendantCount, so collapsing needs no tree walk on the client. A 10k-span
 * trace ships all of these at once, so values that are usually absent are left out rather than
 * sent as null (a few hundred kilobytes saved per 10k spans).
 */
export interface SkeletonNode {
  spanId: string;
  /** Index of the parent in the assembled tree; -1 for roots, provisional or not. */
  parentIndex: number;
  name: string;
  type: string;
  /** ERROR, WARNING or DEBUG; absent for DEFAULT. */
  level?: string;
  /** The start of the status message, for errors and warnings. */
  statusMessage?: string;
  model?: string;
  /** Start relative to the trace start, and duration, in milliseconds (to the microsecond). */
  startMs: number;
  durationMs: number;
  /** Duration not covered by any child (children clipped to this span). */
  selfMs: number;
  depth: number;
  descendantCount: number;
  childCount: number;
  /** The parent the span names is not in the trace: shown as a provisional root. */
  parentMissing?: true;
  /** The span was made a root to cut a parent cycle. */
  cycleBroken?: true;
  /** The parent the span itself names, when it is not its tree parent. */
  declaredParentSpanId?: string;
  /** The span's own tokens (its total, else input + output) and cost. */
  tokens?: number;
  cost?: string;
  /** Tokens and cost of the span and all its descendants, for spans with children. */
  subtreeTokens?: number;
  subtreeCost?: number;
}

/** The trace's own payloads, as JSON values (null when none was recorded). */
export interface TraceInputOutput {
  input: unknown;
  output: unknown;
}

export interface TraceSkeleton {
  summary: TraceSummary;
  nodes: SkeletonNode[];
}

/** One span with everything stored about it, loaded when the span is selected. */
export interface SpanDetail {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  type: string;
  kind: number;
  level: string;
  statusCode: number;
  statusMessage: string | null;
  otlpStatusMessage: string;
  startTime: string;
  endTime: string;
  startNs: string;
  endNs: string;
  durationNs: string;
  /** From the start to the first output of a streaming generation; null when not reported. */
  timeToFirstTokenMs: number | null;
  model: string | null;
  requestModel: string | null;
  responseModel: string | null;
  provider: string | null;
  modelParameters: unknown;
  usage: Usage & { estimated: boolean };
  cost: {
    input: string | null;
    output: string | null;
    total: string | null;
    details: unknown;
    source: string | null;
    priceId: string | null;
  };
  input: unknown;
  output: unknown;
  userId: string | null;
  sessionId: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  version: string | null;
  metadata: unknown;
  attributes: AttributeEntry[];
  resource: ResourceView;
  scope: ScopeView;
  events: EventView[];
  links: LinkView[];
  traceState: string;
  droppedCounts: unknown;
  /** Which attribute (or event) fed which observation field at ingest. */
  mappingReport: Array<{ field: string; source: string }>;
  warnings: string[];
}

export interface SessionListRow {
  sessionId: string;
  traceCount: number;
  firstSeen: string;
  lastSeen: string;
  /** From the first trace's start to the end of the trace that ends last. */
  durationMs: number;
  userIds: string[];
  totalTokens: number;
  totalCost: string | null;
  errorCount: number;
}

/** One trace of a session, shown as a turn of the conversation. */
export interface SessionTurn {
  traceId: string;
  name: string | null;
  startTime: string;
  latencyMs: number;
  userId: string | null;
  totalTokens: number;
  totalCost: string | null;
  level: string;
  input: unknown;
  output: unknown;
}

export interface UserListRow {
  userId: string;
  traceCount: number;
  sessionCount: number;
  totalTokens: number;
  totalCost: string | null;
  errorCount: number;
  firstSeen: string;
  lastSeen: string;
}

export interface KeysetPage<T> {
  rows: T[];
  /** Cursor of the next page, null on the last one. */
  nextCursor: string | null;
}
