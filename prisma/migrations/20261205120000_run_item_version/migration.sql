-- The dataset item version a run item's trace was produced for, so that comparing runs shows
-- each run next to the item as it was then and not as it is after later edits.
-- Links made before this column: the newest version saved by the time the link was last
-- written (a link written again points at a newer trace), else the item's first version.
-- The migration runner splits scripts on semicolons, so comments here avoid them.
ALTER TABLE "DatasetRunItem" ADD COLUMN "datasetItemVersion" INTEGER;

UPDATE "DatasetRunItem" AS ri SET "datasetItemVersion" = COALESCE(
  (SELECT max(v."version") FROM "DatasetItemVersion" AS v
    WHERE v."projectId" = ri."projectId" AND v."datasetItemId" = ri."datasetItemId"
      AND v."createdAt" <= ri."updatedAt"),
  1);

ALTER TABLE "DatasetRunItem" ALTER COLUMN "datasetItemVersion" SET NOT NULL;
