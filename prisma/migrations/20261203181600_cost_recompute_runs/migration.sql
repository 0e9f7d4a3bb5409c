-- CreateTable
CREATE TABLE "CostRecomputeRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CostRecomputeRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CostRecomputeRun_projectId_createdAt_idx" ON "CostRecomputeRun"("projectId", "createdAt");
