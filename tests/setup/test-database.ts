import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { deployMigrations } from "../../lib/db/migrate";

/** A fresh embedded Postgres in a temp dir with all migrations applied, for one test file. */
export async function startTestDatabase(): Promise<{
  databaseUrl: string;
  stop: () => Promise<void>;
}> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "sightline-test-db-"));
  const database = await startEmbeddedPostgres({ dataDir });
  await deployMigrations(database.databaseUrl);
  return {
    databaseUrl: database.databaseUrl,
    stop: async () => {
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
