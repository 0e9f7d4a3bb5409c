import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

/** Where Sightline keeps its embedded Postgres and local state. */
export function resolveDataDir(): string {
  return path.resolve(process.env.SIGHTLINE_DATA_DIR ?? ".sightline");
}

/**
 * The database Sightline should use: `DATABASE_URL` when set, otherwise an embedded Postgres
 * started in the data dir. `stop` is a no-op for an external database.
 */
export async function acquireDatabase(
  onLog?: (line: string) => void,
): Promise<{ databaseUrl: string; embedded: boolean; stop: () => Promise<void> }> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) return { databaseUrl: external, embedded: false, stop: async () => {} };

  const database: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: resolveDataDir(),
    onLog,
  });
  return { databaseUrl: database.databaseUrl, embedded: true, stop: database.stop };
}
