import { defineConfig } from "prisma/config";

// The span-scale tables are partitioned and managed by hand-written SQL migrations.
export const EXTERNAL_TABLES = [
  "public.spans",
  "public.spans_default",
  "public.traces",
  "public.cost_rollups",
  "public.cost_rollup_dirty",
];

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/sightline" },
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
