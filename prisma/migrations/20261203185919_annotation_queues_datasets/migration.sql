-- CreateEnum
CREATE TYPE "AnnotationObjectType" AS ENUM ('TRACE', 'OBSERVATION');

-- CreateEnum
CREATE TYPE "AnnotationItemStatus" AS ENUM ('PENDING', 'COMPLETED');

-- CreateEnum
CREATE TYPE "DatasetItemStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateTable
CREATE TABLE "AnnotationQueue" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "scoreConfigIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sourceFilter" JSONB,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnotationQueue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationQueueItem" (
    "id" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "objectType" "AnnotationObjectType" NOT NULL DEFAULT 'TRACE',
    "traceId" TEXT NOT NULL,
    "observationId" TEXT NOT NULL DEFAULT '',
    "status" "AnnotationItemStatus" NOT NULL DEFAULT 'PENDING',
    "completedByUserId" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationQueueItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetItem" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "input" JSONB,
    "expectedOutput" JSONB,
    "metadata" JSONB,
    "sourceTraceId" TEXT,
    "sourceObservationId" TEXT,
    "sourceKey" TEXT,
    "status" "DatasetItemStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatasetItem_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "DatasetItemVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "datasetItemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "input" JSONB,
    "expectedOutput" JSONB,
    "metadata" JSONB,
    "status" "DatasetItemStatus" NOT NULL,
    "sourceTraceId" TEXT,
    "sourceObservationId" TEXT,
    "changedByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetItemVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationQueue_projectId_name_key" ON "AnnotationQueue"("projectId", "name");

-- CreateIndex
CREATE INDEX "AnnotationQueueItem_queueId_status_createdAt_idx" ON "AnnotationQueueItem"("queueId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "AnnotationQueueItem_projectId_traceId_idx" ON "AnnotationQueueItem"("projectId", "traceId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationQueueItem_queueId_traceId_observationId_key" ON "AnnotationQueueItem"("queueId", "traceId", "observationId");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_projectId_name_key" ON "Dataset"("projectId", "name");

-- CreateIndex
CREATE INDEX "DatasetItem_datasetId_createdAt_idx" ON "DatasetItem"("datasetId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetItem_datasetId_sourceKey_key" ON "DatasetItem"("datasetId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetItemVersion_projectId_datasetItemId_version_key" ON "DatasetItemVersion"("projectId", "datasetItemId", "version");

-- Scores and configs written before projects were enforced: drop those of deleted projects
DELETE FROM "Score" WHERE "projectId" NOT IN (SELECT "id" FROM "Project");
DELETE FROM "ScoreConfig" WHERE "projectId" NOT IN (SELECT "id" FROM "Project");

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreConfig" ADD CONSTRAINT "ScoreConfig_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationQueue" ADD CONSTRAINT "AnnotationQueue_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationQueueItem" ADD CONSTRAINT "AnnotationQueueItem_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "AnnotationQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetItem" ADD CONSTRAINT "DatasetItem_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
