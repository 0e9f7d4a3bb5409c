import postgres from "postgres";
import { postgresJsArgs } from "../../lib/db/connection-options";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "../../lib/db/migrate";
import { startTestDatabase } from "../setup/test-database";

describe("database migrations", () => {
  let database: Awaited<ReturnType<typeof startTestDatabase>>;

  beforeAll(async () => {
    database = await startTestDatabase();
  });
  afterAll(async () => {
    await database?.stop();
  });

  it("creates the control-plane and span tables", async () => {
    const sql = postgres(...postgresJsArgs(database.databaseUrl));
    const tables = await sql<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    await sql.end();
    const names = tables.map((row) => row.tablename);
    expect(names).toEqual(
      expect.arrayContaining([
        "User",
        "Organization",
        "Project",
        "ApiKey",
        "spans_default",
        "traces",
      ]),
    );
  });

  it("applies nothing the second time", async () => {
    expect(await deployMigrations(database.databaseUrl)).toEqual([]);
  });
});
