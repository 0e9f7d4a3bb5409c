import {
  context,
  createContextKey,
  trace,
  type Attributes,
  type Context,
} from "@opentelemetry/api";

import { ATTRIBUTES } from "./attribute-names";
import type { DebugLogger } from "./debug-logger";
import { toAttributeValue } from "./serialize-value";
import type { TraceAttributes } from "./types";

const SCOPE_KEY = createContextKey("sightline.trace-attributes");

interface Recordable {
  setAttributes(attributes: Attributes): unknown;
  isRecording(): boolean;
}

/**
 * The trace attributes of one scope, carried in the OTel context. It is mutable on purpose:
 * `setTraceAttributes` inside a running observation must reach the spans already open in the
 * scope (typically the root, which the trace rollup reads) as well as every span started later.
 */
export class TraceAttributeScope {
  private attributes: Attributes;
  private tags: string[];
  private readonly openSpans = new Set<Recordable>();

  constructor(parent?: TraceAttributeScope) {
    this.attributes = { ...parent?.attributes };
    this.tags = [...(parent?.tags ?? [])];
  }

  /** Merges new values (tags are added to the earlier ones) and updates the open spans. */
  merge(values: TraceAttributes): void {
    const flat = flattenTraceAttributes(values);
    if (values.tags) {
      this.tags = [...new Set([...this.tags, ...values.tags.filter(isNonEmptyString)])];
      flat[ATTRIBUTES.tags] = this.tags;
    }
    this.attributes = { ...this.attributes, ...flat };
    for (const span of this.openSpans) if (span.isRecording()) span.setAttributes(flat);
  }

  /** Writes the scope's attributes on a starting span and follows it until it ends. */
  attach(span: Recordable): void {
    span.setAttributes(this.attributes);
    this.openSpans.add(span);
  }

  /** Stops following an ended span. */
  detach(span: object): void {
    this.openSpans.delete(span as Recordable);
  }
}

/** The scope in a context, if any. */
export function getTraceAttributeScope(ctx: Context): TraceAttributeScope | undefined {
  const scope = ctx.getValue(SCOPE_KEY);
  return scope instanceof TraceAttributeScope ? scope : undefined;
}

/** The context itself when it has a scope, else the context with a new, empty scope. */
export function ensureTraceAttributeScope(ctx: Context): Context {
  return getTraceAttributeScope(ctx) ? ctx : ctx.setValue(SCOPE_KEY, new TraceAttributeScope());
}

/** A context with a child scope: the parent's attributes plus the given ones. */
export function withChildScope(ctx: Context, values: TraceAttributes): Context {
  const scope = new TraceAttributeScope(getTraceAttributeScope(ctx));
  scope.merge(values);
  return ctx.setValue(SCOPE_KEY, scope);
}

/**
 * Sets trace attributes in the active scope: the spans open in it get them now, spans started in
 * it later get them at start. Outside any scope only the active span gets them.
 */
export function setActiveTraceAttributes(values: TraceAttributes, log: DebugLogger): void {
  const active = context.active();
  const scope = getTraceAttributeScope(active);
  if (scope) {
    scope.merge(values);
    return;
  }

  const span = trace.getSpan(active);
  if (span) {
    span.setAttributes(flattenTraceAttributes(values));
    log.debug("setTraceAttributes outside an observation: applied to the active span only");
    return;
  }
  log.debug("setTraceAttributes outside any span: ignored (use withTraceAttributes)");
}

/** Trace attributes as span attributes (see {@link TraceAttributes} for the names). */
export function flattenTraceAttributes(values: TraceAttributes): Attributes {
  const attributes: Attributes = {};
  if (isNonEmptyString(values.userId)) attributes[ATTRIBUTES.userId] = values.userId;
  if (isNonEmptyString(values.sessionId)) attributes[ATTRIBUTES.sessionId] = values.sessionId;
  if (isNonEmptyString(values.feature)) attributes[ATTRIBUTES.feature] = values.feature;
  if (values.tags) attributes[ATTRIBUTES.tags] = values.tags.filter(isNonEmptyString);
  Object.assign(attributes, flattenMetadata(values.metadata));
  return attributes;
}

/** Metadata as `sightline.metadata.<key>` attributes. */
export function flattenMetadata(metadata: Record<string, unknown> | undefined): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (value === undefined) continue;
    attributes[`${ATTRIBUTES.metadataPrefix}${key}`] = toAttributeValue(value);
  }
  return attributes;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}
