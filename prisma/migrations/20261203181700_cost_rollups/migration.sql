-- Hourly cost rollups per project and dimension value, so that cost reports do not scan spans.
-- The migration runner splits scripts on semicolons, so comments here avoid them.
-- A span write marks the hours it touches dirty in the same transaction. A report refreshes the
-- dirty hours of its range from the spans first, so rollups are exact when read.

CREATE TABLE "cost_rollups" (
  "project_id"     TEXT        NOT NULL,
  "hour"           TIMESTAMPTZ NOT NULL,
  "dimension"      TEXT        NOT NULL,
  "value"          TEXT        NOT NULL,
  "total_cost"     NUMERIC(30, 12),
  "input_cost"     NUMERIC(30, 12),
  "output_cost"    NUMERIC(30, 12),
  "input_tokens"   BIGINT      NOT NULL DEFAULT 0,
  "output_tokens"  BIGINT      NOT NULL DEFAULT 0,
  "span_count"     BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY ("project_id", "dimension", "hour", "value")
);

CREATE TABLE "cost_rollup_dirty" (
  "project_id" TEXT        NOT NULL,
  "hour"       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY ("project_id", "hour")
);

-- Per-value lookups across hours (a trend line for each of the top groups).
CREATE INDEX "cost_rollups_value_idx" ON "cost_rollups" ("project_id", "dimension", "value", "hour");
