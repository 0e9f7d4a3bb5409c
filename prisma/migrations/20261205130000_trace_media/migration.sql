-- CreateTable
CREATE TABLE "TraceMedia" (
    "projectId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "observationId" TEXT NOT NULL DEFAULT '',
    "field" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraceMedia_pkey" PRIMARY KEY ("projectId","mediaId","traceId","observationId","field")
);

-- CreateIndex
CREATE INDEX "TraceMedia_projectId_traceId_idx" ON "TraceMedia"("projectId", "traceId");

-- AddForeignKey
ALTER TABLE "TraceMedia" ADD CONSTRAINT "TraceMedia_projectId_mediaId_fkey" FOREIGN KEY ("projectId", "mediaId") REFERENCES "Media"("projectId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: files announced before this table existed are linked to the trace (observation and
-- field) of their first announcement, the only one recorded then.
INSERT INTO "TraceMedia" ("projectId", "mediaId", "traceId", "observationId", "field", "createdAt")
SELECT "projectId", "id", lower("traceId"), coalesce("observationId", ''), coalesce("field", ''),
  "createdAt"
FROM "Media"
WHERE "traceId" IS NOT NULL
ON CONFLICT DO NOTHING;
