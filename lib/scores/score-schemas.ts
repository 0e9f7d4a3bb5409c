import { z } from "zod";

// Request shapes of the scores API, named as in Langfuse's public API so its clients work.

// Limitation: Langfuse's TEXT and CORRECTION data types are not supported yet; they are refused
// with a 400 naming dataType.
export const SCORE_DATA_TYPES = ["NUMERIC", "CATEGORICAL", "BOOLEAN"] as const;
export const SCORE_SOURCES = ["API", "EVAL", "ANNOTATION"] as const;

export type ScoreDataTypeName = (typeof SCORE_DATA_TYPES)[number];
export type ScoreSourceName = (typeof SCORE_SOURCES)[number];

const MAX_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 200;
const MAX_COMMENT_LENGTH = 5000;

const idText = z.string().trim().min(1, "must not be empty").max(MAX_ID_LENGTH);

/**
 * The largest magnitude of a numeric score value. The scores page and the traces list average,
 * bin and compare values in float8, whose aggregates square them (avg keeps a sum of squares,
 * which overflows from about 1e154) and add them up; within ±1e12 all of that stays finite for
 * billions of scores, and a double still holds three decimals exactly. No real score (a
 * rating, a probability, a latency, a count) comes near it.
 */
export const MAX_SCORE_MAGNITUDE = 1e12;

/** Why a numeric score value was refused (the caller names the field). */
export const SCORE_RANGE_MESSAGE = "must be between -1e12 and 1e12";

/** Whether a numeric score value may be stored (see MAX_SCORE_MAGNITUDE). */
export function isStorableScoreNumber(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_SCORE_MAGNITUDE;
}

/** A numeric score value (or a category's value): finite, within ±MAX_SCORE_MAGNITUDE. */
export const ScoreNumberZ = z
  .number()
  .min(-MAX_SCORE_MAGNITUDE, SCORE_RANGE_MESSAGE)
  .max(MAX_SCORE_MAGNITUDE, SCORE_RANGE_MESSAGE);

/** A score value as sent: a number, a category label or a boolean (never NaN or Infinity). */
export const ScoreValueZ = z.union([ScoreNumberZ, z.string().max(MAX_NAME_LENGTH), z.boolean()], {
  error: "must be a finite number, a string or a boolean",
});

/**
 * Body of POST /api/public/scores. Optional fields accept null as well (Python clients send it).
 * Unknown fields (queueId, ...) are ignored.
 */
export const CreateScoreZ = z.object({
  id: idText.nullish(),
  traceId: idText.nullish(),
  observationId: idText.nullish(),
  sessionId: idText.nullish(),
  datasetRunId: idText.nullish(),
  name: z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH),
  value: ScoreValueZ,
  dataType: z.enum(SCORE_DATA_TYPES).nullish(),
  configId: idText.nullish(),
  comment: z.string().max(MAX_COMMENT_LENGTH).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  environment: z.string().trim().min(1).max(100).nullish(),
  source: z.enum(SCORE_SOURCES).nullish(),
});
export type CreateScoreInput = z.infer<typeof CreateScoreZ>;

const CategoryZ = z.object({
  label: z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH),
  // Stored as the value of every score of this category.
  value: ScoreNumberZ,
});
export type ScoreCategory = z.infer<typeof CategoryZ>;

/** Body of POST /api/public/score-configs. */
const ScoreConfigNameZ = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(35)
  .regex(/^[A-Za-z0-9_ .()-]+$/, "may hold letters, digits, spaces and _ . ( ) - only");

export const CreateScoreConfigZ = z.object({
  name: ScoreConfigNameZ,
  dataType: z.enum(SCORE_DATA_TYPES),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
  categories: z.array(CategoryZ).max(100).nullish(),
  description: z.string().max(MAX_COMMENT_LENGTH).nullish(),
});
export type CreateScoreConfigInput = z.infer<typeof CreateScoreConfigZ>;

/**
 * Body of PATCH /api/public/score-configs/:id (Langfuse's UpdateScoreConfigRequest): every
 * field but the data type may change; null clears a bound or the description.
 */
export const UpdateScoreConfigZ = z
  .object({
    isArchived: z.boolean().optional(),
    name: ScoreConfigNameZ.optional(),
    minValue: z.number().nullish(),
    maxValue: z.number().nullish(),
    categories: z.array(CategoryZ).max(100).optional(),
    description: z.string().max(MAX_COMMENT_LENGTH).nullish(),
  })
  .strict();
export type UpdateScoreConfigInput = z.infer<typeof UpdateScoreConfigZ>;

export const VALUE_OPERATORS = ["<", ">", "<=", ">=", "=", "!="] as const;
export type ValueOperator = (typeof VALUE_OPERATORS)[number];

const filterText = z.string().trim().min(1).max(MAX_ID_LENGTH).optional();

/** Query of GET /api/public/scores. */
export const ListScoresQueryZ = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    traceId: filterText,
    observationId: filterText,
    sessionId: filterText,
    name: filterText,
    configId: filterText,
    userId: filterText,
    source: z.enum(SCORE_SOURCES).optional(),
    dataType: z.enum(SCORE_DATA_TYPES).optional(),
    operator: z.enum(VALUE_OPERATORS).optional(),
    value: z.coerce.number().optional(),
    scoreIds: z
      .string()
      .max(10_000)
      .transform((text) =>
        text
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .optional(),
    fromTimestamp: z.iso.datetime({ offset: true }).optional(),
    toTimestamp: z.iso.datetime({ offset: true }).optional(),
    orphans: z.enum(["true", "false"]).optional(),
  })
  .refine((query) => (query.operator === undefined) === (query.value === undefined), {
    path: ["operator"],
    message: "give operator and value together",
  })
  .refine((query) => query.value === undefined || Number.isFinite(query.value), {
    path: ["value"],
    message: "must be a finite number",
  });
export type ListScoresQuery = z.infer<typeof ListScoresQueryZ>;

/** Parses URL search parameters of GET /api/public/scores. */
export function parseListScoresQuery(searchParams: URLSearchParams): ListScoresQuery {
  return ListScoresQueryZ.parse(Object.fromEntries(searchParams.entries()));
}

/** Query of GET /api/public/score-configs. */
export const ListScoreConfigsQueryZ = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Parses URL search parameters of GET /api/public/score-configs. */
export function parseListScoreConfigsQuery(searchParams: URLSearchParams) {
  return ListScoreConfigsQueryZ.parse(Object.fromEntries(searchParams.entries()));
}
