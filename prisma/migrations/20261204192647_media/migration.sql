-- CreateTable
CREATE TABLE "Media" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "sha256Hash" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "contentLength" INTEGER NOT NULL,
    "content" BYTEA,
    "uploadedAt" TIMESTAMP(3),
    "uploadHttpStatus" INTEGER,
    "uploadHttpError" TEXT,
    "traceId" TEXT,
    "observationId" TEXT,
    "field" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Media_pkey" PRIMARY KEY ("projectId","id")
);

-- AddForeignKey
ALTER TABLE "Media" ADD CONSTRAINT "Media_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
