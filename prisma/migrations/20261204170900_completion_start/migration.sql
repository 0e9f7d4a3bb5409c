-- When a streaming generation's first output arrived (time to first token), in exact
-- nanoseconds like "start_ns". Null for spans that did not stream or did not report it.
-- Added to the partitioned parent, which adds it to every partition (a catalog change only).
-- The migration runner splits scripts on semicolons, so comments here avoid them.
ALTER TABLE "spans" ADD COLUMN "completion_start_ns" BIGINT;
