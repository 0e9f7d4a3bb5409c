import { z } from "zod";

// Request shapes of the datasets API, named as in Langfuse's public API so its clients work.

export const DATASET_ITEM_STATUSES = ["ACTIVE", "ARCHIVED"] as const;
export type DatasetItemStatusName = (typeof DATASET_ITEM_STATUSES)[number];

const MAX_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 300;
const MAX_DESCRIPTION_LENGTH = 10_000;
/** Characters of one JSON field of an item (input, expected output or metadata) as JSON text. */
export const MAX_ITEM_FIELD_CHARS = 2_000_000;

/** Postgres text cannot hold the NUL character: refused up front, naming the field. */
const NO_NUL = [
  (text: string) => !text.includes("\u0000"),
  "must not contain the NUL character",
] as const;

const idText = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_ID_LENGTH)
  .refine(...NO_NUL);

/** A dataset name; Langfuse allows any text, slashes included (folders in its UI). */
export const DatasetNameZ = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(MAX_NAME_LENGTH)
  .refine(...NO_NUL);

/**
 * Why a JSON value cannot be stored as an item field, or null when it can: it must fit the
 * per-field limit, and hold no NUL character (Postgres' jsonb cannot store it).
 */
export function itemValueProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if ((JSON.stringify(value) ?? "").length > MAX_ITEM_FIELD_CHARS) {
    return `must be at most ${MAX_ITEM_FIELD_CHARS} characters as JSON`;
  }
  if (containsNul(value)) return "must not contain the NUL character (\\u0000)";
  return null;
}

function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") {
    return Object.entries(value).some(
      ([key, entry]) => key.includes("\u0000") || containsNul(entry),
    );
  }
  return false;
}

const jsonField = z.unknown().superRefine((value, context) => {
  const problem = itemValueProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** Body of POST /api/public/datasets (and /v2/datasets): creates, or updates by name. */
export const CreateDatasetZ = z.object({
  name: DatasetNameZ,
  description: z
    .string()
    .max(MAX_DESCRIPTION_LENGTH)
    .refine(...NO_NUL)
    .nullish(),
  metadata: jsonField.optional(),
});
export type CreateDatasetInput = z.infer<typeof CreateDatasetZ>;

/** Body of the UI's dataset edit: every field optional, name still unique in the project. */
export const UpdateDatasetZ = z.object({
  name: DatasetNameZ.optional(),
  description: z
    .string()
    .max(MAX_DESCRIPTION_LENGTH)
    .refine(...NO_NUL)
    .nullish(),
  metadata: jsonField.optional(),
});
export type UpdateDatasetInput = z.infer<typeof UpdateDatasetZ>;

/**
 * The editable fields of an item. `undefined` keeps the stored value on an update; `null`
 * clears it.
 */
const ItemFieldsZ = z.object({
  input: jsonField.optional(),
  expectedOutput: jsonField.optional(),
  metadata: jsonField.optional(),
  sourceTraceId: idText.nullish(),
  sourceObservationId: idText.nullish(),
  status: z.enum(DATASET_ITEM_STATUSES).nullish(),
});

function sourceIsComplete(input: {
  sourceTraceId?: string | null;
  sourceObservationId?: string | null;
}) {
  return !input.sourceObservationId || Boolean(input.sourceTraceId);
}
const SOURCE_RULE = {
  path: ["sourceTraceId"],
  message: "give the trace of sourceObservationId as sourceTraceId",
};

/** Body of POST /api/public/dataset-items: a given id that exists is updated (a new version). */
export const CreateDatasetItemZ = ItemFieldsZ.extend({
  datasetName: DatasetNameZ,
  id: idText.nullish(),
}).refine(sourceIsComplete, SOURCE_RULE);
export type CreateDatasetItemInput = z.infer<typeof CreateDatasetItemZ>;

/** Body of the UI's new item (POST): its fields. */
export const NewDatasetItemZ = ItemFieldsZ.refine(sourceIsComplete, SOURCE_RULE);

/**
 * Body of the UI's item edit (PATCH): the fields to change, and the version the editor showed
 * (a save over a newer version is refused).
 */
export const UpdateDatasetItemZ = ItemFieldsZ.extend({
  expectedVersion: z.number().int().min(1).optional(),
}).refine(sourceIsComplete, SOURCE_RULE);
export type UpdateDatasetItemInput = z.infer<typeof UpdateDatasetItemZ>;

const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

const filterText = z
  .string()
  .trim()
  .min(1)
  .max(MAX_ID_LENGTH)
  .refine(...NO_NUL)
  .optional();

/** Query of GET /api/public/datasets. */
export const ListDatasetsQueryZ = z.object(pageFields);

/** Query of GET /api/public/dataset-items and the UI's item table. */
export const ListDatasetItemsQueryZ = z
  .object({
    ...pageFields,
    /** An instant (ISO 8601): the items as they were saved then, from their version history. */
    version: z.iso.datetime({ offset: true, error: "must be an ISO 8601 timestamp" }).optional(),
    datasetName: DatasetNameZ.optional(),
    sourceTraceId: filterText,
    sourceObservationId: filterText,
    status: z.enum(DATASET_ITEM_STATUSES).optional(),
    /** Case-insensitive text searched in the input and expected output. */
    q: z
      .string()
      .trim()
      .max(500)
      .refine(...NO_NUL)
      .optional(),
  })
  .refine((query) => !query.version || Boolean(query.datasetName), {
    path: ["version"],
    message: "give datasetName with version",
  });
export type ListDatasetItemsQuery = z.infer<typeof ListDatasetItemsQueryZ>;

/** Parses URL search parameters with one of the query schemas above. */
export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  return schema.parse(Object.fromEntries(params.entries()));
}
