import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";

import { toPublicDatasetItem, type PublicDatasetItem } from "./dataset-fields";
import { CreateDatasetItemZ } from "./dataset-schemas";
import { saveDatasetItem } from "./save-dataset-item";

/**
 * Validates a Langfuse-shaped item body and stores it in the named dataset of the project: a
 * given id that exists there is updated (a new version), otherwise a new item is created.
 */
export async function createDatasetItem(
  projectId: string,
  body: unknown,
  userId: string | null = null,
): Promise<PublicDatasetItem> {
  const input = CreateDatasetItemZ.parse(body);
  const sql = getSql();
  const [dataset] = await sql<{ id: string }[]>`
    SELECT "id" FROM "Dataset" WHERE "projectId" = ${projectId} AND "name" = ${input.datasetName}`;
  if (!dataset) {
    throw new AppError("not_found", `datasetName: no dataset named "${input.datasetName}"`);
  }

  const row = await saveDatasetItem({
    projectId,
    datasetId: dataset.id,
    id: input.id ?? null,
    userId,
    fields: {
      input: input.input,
      expectedOutput: input.expectedOutput,
      metadata: input.metadata,
      sourceTraceId: input.sourceTraceId,
      sourceObservationId: input.sourceObservationId,
      status: input.status,
    },
  });
  return toPublicDatasetItem(row);
}
