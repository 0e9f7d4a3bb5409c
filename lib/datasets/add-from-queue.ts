import { z } from "zod";

import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";

import { addSourcesToDataset, type AddSourcesResult } from "./add-sources";

/** Body of the "add from an annotation queue" request. */
export const AddFromQueueZ = z
  .object({
    queueId: z.string().trim().min(1, "must not be empty").max(200),
    onlyCompleted: z.boolean().default(false),
    /** Keep only items a reviewer labelled with this score name… */
    scoreName: z.string().trim().min(1).max(200).nullish(),
    /** …and this value (a category label, "True"/"False", or a number as text). */
    scoreValue: z.string().trim().min(1).max(200).nullish(),
  })
  .refine((body) => !body.scoreValue || Boolean(body.scoreName), {
    path: ["scoreName"],
    message: "give the score name that scoreValue belongs to",
  });
export type AddFromQueueInput = z.infer<typeof AddFromQueueZ>;

/**
 * Adds the items of an annotation queue to a dataset: optionally only the completed ones, and
 * optionally only those with a reviewer's (ANNOTATION) score of the given name and value, e.g.
 * every item labelled quality = "good". Items already in the dataset are skipped.
 */
export async function addQueueItemsToDataset(
  projectId: string,
  datasetId: string,
  input: AddFromQueueInput,
  userId: string | null,
): Promise<AddSourcesResult & { matched: number }> {
  const sql = getSql();
  const [queue] = await sql`
    SELECT 1 FROM "AnnotationQueue" WHERE "projectId" = ${projectId} AND "id" = ${input.queueId}`;
  if (!queue) throw new AppError("not_found", "queueId: no such annotation queue in this project");

  const valueFilter = input.scoreValue
    ? sql`AND (s."stringValue" = ${input.scoreValue} OR s."value"::text = ${input.scoreValue})`
    : sql``;
  const scoreFilter = input.scoreName
    ? sql`AND EXISTS (
        SELECT 1 FROM "Score" AS s
        WHERE s."projectId" = q."projectId" AND s."traceId" = q."traceId"
          AND s."source" = 'ANNOTATION' AND s."name" = ${input.scoreName}
          AND (CASE WHEN q."observationId" = '' THEN s."observationId" IS NULL
               ELSE s."observationId" = q."observationId" END)
          ${valueFilter})`
    : sql``;
  const items = await sql<{ traceId: string; observationId: string }[]>`
    SELECT q."traceId", q."observationId" FROM "AnnotationQueueItem" AS q
    WHERE q."projectId" = ${projectId} AND q."queueId" = ${input.queueId}
      ${input.onlyCompleted ? sql`AND q."status" = 'COMPLETED'` : sql``}
      ${scoreFilter}
    ORDER BY q."createdAt", q."id"`;

  const result = await addSourcesToDataset(projectId, datasetId, items, userId);
  return { ...result, matched: items.length };
}
