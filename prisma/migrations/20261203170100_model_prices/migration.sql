-- CreateTable
CREATE TABLE "ModelPrice" (
    "id" TEXT NOT NULL,
    "projectId" TEXT,
    "model" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "provider" TEXT,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "rates" JSONB NOT NULL,
    "tiers" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelPrice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModelPrice_projectId_model_idx" ON "ModelPrice"("projectId", "model");

-- AddForeignKey
ALTER TABLE "ModelPrice" ADD CONSTRAINT "ModelPrice_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
