-- Indexes for the trace explorer: keyset pages sorted by latency, tokens or cost walk an index
-- instead of sorting every trace of the project on each page.
-- The migration runner splits scripts on semicolons, so comments here avoid them.
-- Unpriced traces sort as cost -1 (below free ones), so the cost index is on that expression.

CREATE INDEX "traces_project_duration_idx"
  ON "traces" ("project_id", "duration_ns" DESC, "trace_id" DESC);

CREATE INDEX "traces_project_tokens_idx"
  ON "traces" ("project_id", "total_tokens" DESC, "trace_id" DESC);

CREATE INDEX "traces_project_cost_idx"
  ON "traces" ("project_id", (COALESCE("total_cost", -1)) DESC, "trace_id" DESC);
