-- AlterTable
ALTER TABLE "Score" ADD COLUMN     "datasetRunId" TEXT;

-- CreateTable
CREATE TABLE "DatasetRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatasetRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetRunItem" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "datasetRunId" TEXT NOT NULL,
    "datasetItemId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "observationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatasetRunItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DatasetRun_datasetId_name_key" ON "DatasetRun"("datasetId", "name");

-- CreateIndex
CREATE INDEX "DatasetRunItem_projectId_datasetItemId_idx" ON "DatasetRunItem"("projectId", "datasetItemId");

-- CreateIndex
CREATE INDEX "DatasetRunItem_projectId_traceId_idx" ON "DatasetRunItem"("projectId", "traceId");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetRunItem_datasetRunId_datasetItemId_key" ON "DatasetRunItem"("datasetRunId", "datasetItemId");

-- CreateIndex
CREATE INDEX "Score_projectId_datasetRunId_idx" ON "Score"("projectId", "datasetRunId");

-- AddForeignKey
ALTER TABLE "DatasetRun" ADD CONSTRAINT "DatasetRun_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetRunItem" ADD CONSTRAINT "DatasetRunItem_datasetRunId_fkey" FOREIGN KEY ("datasetRunId") REFERENCES "DatasetRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
