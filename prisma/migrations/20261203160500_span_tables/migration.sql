-- Span-scale tables, written by hand because Prisma cannot declare partitioned tables. They are
-- listed as external tables in prisma.config.ts so that schema diffs leave them alone.
-- Every key begins with project_id so the tables can be distributed by project later.
-- The migration runner splits scripts on semicolons, so comments here avoid them.

-- One row per (project, trace, span). Partitioned by start time so retention is a partition
-- drop. Monthly partitions are created by the application ahead of the data, and the default
-- partition catches timestamps far outside that window.
CREATE TABLE "spans" (
  "project_id"          TEXT        NOT NULL,
  "trace_id"            TEXT        NOT NULL,
  "span_id"             TEXT        NOT NULL,
  "parent_span_id"      TEXT,
  "start_time"          TIMESTAMPTZ NOT NULL,
  "end_time"            TIMESTAMPTZ NOT NULL,
  "start_ns"            BIGINT      NOT NULL,
  "end_ns"              BIGINT      NOT NULL,
  "duration_ns"         BIGINT      NOT NULL,
  "name"                TEXT        NOT NULL,
  "kind"                SMALLINT    NOT NULL DEFAULT 0,
  "type"                TEXT        NOT NULL,
  "level"               TEXT        NOT NULL,
  "status_code"         SMALLINT    NOT NULL DEFAULT 0,
  "status_message"      TEXT,
  "model"               TEXT,
  "request_model"       TEXT,
  "response_model"      TEXT,
  "provider"            TEXT,
  "model_parameters"    JSONB,
  "input_tokens"        BIGINT,
  "output_tokens"       BIGINT,
  "total_tokens"        BIGINT,
  "cache_read_tokens"   BIGINT,
  "cache_write_tokens"  BIGINT,
  "reasoning_tokens"    BIGINT,
  "audio_input_tokens"  BIGINT,
  "audio_output_tokens" BIGINT,
  "image_input_tokens"  BIGINT,
  "usage_estimated"     BOOLEAN     NOT NULL DEFAULT FALSE,
  "input_cost"          NUMERIC(30, 12),
  "output_cost"         NUMERIC(30, 12),
  "total_cost"          NUMERIC(30, 12),
  "cost_details"        JSONB,
  "cost_source"         TEXT,
  "price_id"            TEXT,
  "input"               JSONB,
  "output"              JSONB,
  "user_id"             TEXT,
  "session_id"          TEXT,
  "feature"             TEXT,
  "tags"                TEXT[]      NOT NULL DEFAULT '{}',
  "environment"         TEXT,
  "release"             TEXT,
  "version"             TEXT,
  "trace_name"          TEXT,
  "trace_input"         JSONB,
  "trace_output"        JSONB,
  "metadata"            JSONB,
  "attributes"          JSONB       NOT NULL DEFAULT '[]',
  "resource"            JSONB       NOT NULL DEFAULT '{}',
  "scope"               JSONB       NOT NULL DEFAULT '{}',
  "events"              JSONB       NOT NULL DEFAULT '[]',
  "links"               JSONB       NOT NULL DEFAULT '[]',
  "trace_state"         TEXT        NOT NULL DEFAULT '',
  "flags"               BIGINT      NOT NULL DEFAULT 0,
  "dropped_counts"      JSONB       NOT NULL DEFAULT '{}',
  "raw_times"           JSONB,
  "mapping_report"      JSONB       NOT NULL DEFAULT '[]',
  "warnings"            JSONB       NOT NULL DEFAULT '[]',
  "received_at"         TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY ("project_id", "trace_id", "span_id", "start_time")
) PARTITION BY RANGE ("start_time");

CREATE TABLE "spans_default" PARTITION OF "spans" DEFAULT;

CREATE INDEX "spans_project_span_idx" ON "spans" ("project_id", "span_id");
CREATE INDEX "spans_project_start_idx" ON "spans" ("project_id", "start_time" DESC);
CREATE INDEX "spans_project_model_idx" ON "spans" ("project_id", "model", "start_time" DESC)
  WHERE "model" IS NOT NULL;

-- One rollup row per trace, recomputed from its spans whenever any of them is written, so it is
-- right whatever order the spans arrive in.
CREATE TABLE "traces" (
  "project_id"          TEXT        NOT NULL,
  "trace_id"            TEXT        NOT NULL,
  "name"                TEXT,
  "root_span_id"        TEXT,
  "start_time"          TIMESTAMPTZ NOT NULL,
  "end_time"            TIMESTAMPTZ NOT NULL,
  "start_ns"            BIGINT      NOT NULL,
  "end_ns"              BIGINT      NOT NULL,
  "duration_ns"         BIGINT      NOT NULL,
  "input"               JSONB,
  "output"              JSONB,
  "user_id"             TEXT,
  "session_id"          TEXT,
  "feature"             TEXT,
  "tags"                TEXT[]      NOT NULL DEFAULT '{}',
  "environment"         TEXT,
  "release"             TEXT,
  "version"             TEXT,
  "metadata"            JSONB,
  "models"              TEXT[]      NOT NULL DEFAULT '{}',
  "level"               TEXT        NOT NULL DEFAULT 'DEFAULT',
  "error_count"         INTEGER     NOT NULL DEFAULT 0,
  "span_count"          INTEGER     NOT NULL DEFAULT 0,
  "missing_parent_count" INTEGER    NOT NULL DEFAULT 0,
  "input_tokens"        BIGINT      NOT NULL DEFAULT 0,
  "output_tokens"       BIGINT      NOT NULL DEFAULT 0,
  "total_tokens"        BIGINT      NOT NULL DEFAULT 0,
  "cache_read_tokens"   BIGINT      NOT NULL DEFAULT 0,
  "reasoning_tokens"    BIGINT      NOT NULL DEFAULT 0,
  "input_cost"          NUMERIC(30, 12),
  "output_cost"         NUMERIC(30, 12),
  "total_cost"          NUMERIC(30, 12),
  "unpriced_count"      INTEGER     NOT NULL DEFAULT 0,
  "created_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "updated_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY ("project_id", "trace_id")
);

CREATE INDEX "traces_project_start_idx" ON "traces" ("project_id", "start_time" DESC, "trace_id" DESC);
CREATE INDEX "traces_project_user_idx" ON "traces" ("project_id", "user_id", "start_time" DESC);
CREATE INDEX "traces_project_session_idx" ON "traces" ("project_id", "session_id", "start_time" DESC);
CREATE INDEX "traces_project_name_idx" ON "traces" ("project_id", "name", "start_time" DESC);
CREATE INDEX "traces_project_feature_idx" ON "traces" ("project_id", "feature", "start_time" DESC);
CREATE INDEX "traces_tags_idx" ON "traces" USING GIN ("tags");
