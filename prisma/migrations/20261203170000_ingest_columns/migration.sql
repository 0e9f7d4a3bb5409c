-- Columns the OTLP batch writer needs beyond the first span tables.
-- The migration runner splits scripts on semicolons, so comments here avoid them.

-- The status message exactly as the client sent it. The "status_message" column holds the
-- mapped message (which may come from an exception event or a Langfuse attribute), so the raw
-- one is kept apart for a lossless OTLP export.
ALTER TABLE "spans" ADD COLUMN "otlp_status_message" TEXT NOT NULL DEFAULT '';

-- Cache-write tokens are summed per trace like the other token kinds.
ALTER TABLE "traces" ADD COLUMN "cache_write_tokens" BIGINT NOT NULL DEFAULT 0;
