// Database maintenance commands: `db:migrate -- --name <name>` writes a migration from the
// schema change, `db:deploy` applies pending migrations. Both run Prisma's wasm schema engine
// because the Prisma CLI needs a native engine download that is not possible offline.
import { parseArgs } from "node:util";
import { acquireDatabase } from "../lib/db/database-url";
import { createMigration, deployMigrations } from "../lib/db/migrate";

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" } },
  });
  const command = positionals[0];
  if (command !== "migrate" && command !== "deploy") {
    throw new Error("usage: tsx scripts/db.ts migrate --name <name> | deploy");
  }

  const database = await acquireDatabase();
  try {
    const applied = await deployMigrations(database.databaseUrl);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
    if (command === "deploy") return;

    if (!values.name) throw new Error("db:migrate needs --name <name>");
    const created = await createMigration(database.databaseUrl, values.name);
    if (!created) {
      console.log("the schema has no change: no migration written");
      return;
    }
    console.log(`wrote prisma/migrations/${created}/migration.sql`);
    await deployMigrations(database.databaseUrl);
    console.log(`applied: ${created}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
