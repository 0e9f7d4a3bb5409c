import { z } from "zod";

/**
 * The value kind of a filterable column: which condition types it takes. Every column also
 * takes `null` conditions when it is nullable.
 */
export type FilterColumnKind = "text" | "datetime" | "number" | "array" | "object";

/** What the parser needs to know of a column; the SQL side adds the expression. */
export interface FilterColumnShape {
  kind: FilterColumnKind;
  nullable: boolean;
}

const STRING_OPERATORS = ["=", "contains", "does not contain", "starts with", "ends with"] as const;
const MAX_TEXT = 2000;
const MAX_OPTIONS = 100;
/** How many conditions one `filter` may carry: enough for any UI, bounded for the planner. */
export const MAX_FILTER_CONDITIONS = 50;

const text = z.string().max(MAX_TEXT);
const options = z.array(text).min(1).max(MAX_OPTIONS);

/**
 * Langfuse's condition types that Sightline translates, with their operators and value shapes.
 * Types it does not translate (numberObject, categoryOptions, boolean...) are refused by name.
 */
const ConditionZ = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("string"),
    column: z.string(),
    operator: z.enum(STRING_OPERATORS),
    value: text,
  }),
  z.object({
    type: z.literal("stringOptions"),
    column: z.string(),
    operator: z.enum(["any of", "none of"]),
    value: options,
  }),
  z.object({
    type: z.literal("datetime"),
    column: z.string(),
    operator: z.enum([">", "<", ">=", "<="]),
    value: z.iso.datetime({ offset: true }),
  }),
  z.object({
    type: z.literal("number"),
    column: z.string(),
    operator: z.enum(["=", ">", "<", ">=", "<="]),
    value: z.number().finite(),
  }),
  z
    .object({
      type: z.literal("arrayOptions"),
      column: z.string(),
      operator: z.enum(["any of", "none of", "all of"]),
      // Langfuse takes an empty list for "all of" and "none of" (no selection yet); it excludes
      // no row, and neither does its SQL here. "any of" nothing would exclude every row.
      value: z.array(text).max(MAX_OPTIONS),
    })
    .refine((condition) => condition.operator !== "any of" || condition.value.length > 0, {
      message: '"any of" takes at least one option',
      path: ["value"],
    }),
  z.object({
    type: z.literal("stringObject"),
    column: z.string(),
    key: z.string().min(1).max(MAX_TEXT),
    operator: z.enum(STRING_OPERATORS),
    value: text,
  }),
  z.object({
    type: z.literal("null"),
    column: z.string(),
    operator: z.enum(["is null", "is not null"]),
    // Langfuse's clients send an empty string; the value means nothing for this type.
    value: z.union([z.literal(""), z.null()]).optional(),
  }),
]);

/** One parsed `filter` condition, ready to be translated on its column. */
export type FilterCondition = z.infer<typeof ConditionZ>;

export type FilterConditionType = FilterCondition["type"];

const TYPES_BY_KIND: Record<FilterColumnKind, readonly FilterConditionType[]> = {
  text: ["string", "stringOptions"],
  datetime: ["datetime"],
  number: ["number"],
  array: ["arrayOptions"],
  object: ["stringObject"],
};

const SUPPORTED_TYPES: readonly string[] = ConditionZ.options.map(
  (option) => option.shape.type.value,
);

/** The condition types a column takes (null only where the column can be null). */
export function conditionTypesOf(column: FilterColumnShape): readonly FilterConditionType[] {
  const types = TYPES_BY_KIND[column.kind];
  return column.nullable ? [...types, "null"] : types;
}

/** A `filter` the endpoint cannot apply; the message names the condition and its column. */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterError";
  }
}

/**
 * Parses Langfuse's `filter` query parameter (a JSON array of conditions) against the columns
 * an endpoint can filter on. Anything it cannot apply exactly throws a FilterError, because a
 * condition dropped in silence hands the caller rows they asked to exclude.
 */
export function parsePublicFilter(
  json: string,
  columns: Readonly<Record<string, FilterColumnShape>>,
): FilterCondition[] {
  const conditions = parseJsonArray(json);
  return conditions.map((raw, index) => parseCondition(raw, index, columns));
}

/** How long a `filter` may be: 50 conditions of generous size. */
const MAX_FILTER_LENGTH = 50_000;

/**
 * The `filter` query parameter as a zod schema on the endpoint's columns, so that a condition
 * the endpoint cannot apply is a 400 naming `filter`, like any other bad parameter.
 */
export function publicFilterParamZ(columns: Readonly<Record<string, FilterColumnShape>>) {
  return z
    .string()
    .max(MAX_FILTER_LENGTH)
    .transform((json, context): FilterCondition[] => {
      try {
        return parsePublicFilter(json, columns);
      } catch (error) {
        if (!(error instanceof FilterError)) throw error;
        context.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    });
}

function parseJsonArray(json: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new FilterError("must be a JSON array of conditions; it is not valid JSON");
  }
  if (!Array.isArray(parsed)) {
    throw new FilterError("must be a JSON array of conditions");
  }
  if (parsed.length > MAX_FILTER_CONDITIONS) {
    throw new FilterError(`takes at most ${MAX_FILTER_CONDITIONS} conditions`);
  }
  return parsed;
}

function parseCondition(
  raw: unknown,
  index: number,
  columns: Readonly<Record<string, FilterColumnShape>>,
): FilterCondition {
  const fields = z.object({ type: z.string(), column: z.string() }).safeParse(raw);
  if (!fields.success) {
    throw new FilterError(`condition ${index} must be an object with string type and column`);
  }
  const { type, column: name } = fields.data;
  const where = `condition ${index} (column ${JSON.stringify(name)})`;

  const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
  if (!column) {
    const known = Object.keys(columns).join(", ");
    throw new FilterError(`${where}: not a filterable column; use one of ${known}`);
  }
  if (!SUPPORTED_TYPES.includes(type)) {
    throw new FilterError(
      `${where}: type ${JSON.stringify(type)} is not supported; use one of ` +
        SUPPORTED_TYPES.join(", "),
    );
  }
  const accepted = conditionTypesOf(column);
  if (!(accepted as readonly string[]).includes(type)) {
    throw new FilterError(
      `${where}: type ${JSON.stringify(type)} does not apply; use ${accepted.join(" or ")}`,
    );
  }

  const parsed = ConditionZ.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "condition";
    throw new FilterError(`${where}: ${field}: ${issue?.message ?? "is not valid"}`);
  }
  return parsed.data;
}
