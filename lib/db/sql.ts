import postgres from "postgres";

import { postgresJsConnection } from "./connection-options";

function createSql() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Sightline with `npm start`");
  const connection = postgresJsConnection(url);
  return postgres(connection.url, {
    path: connection.path,
    max: Number(process.env.SIGHTLINE_DB_POOL_SIZE ?? 20),
    onnotice: () => {},
    idle_timeout: 60,
    connect_timeout: 10,
    types: { bigint: postgres.BigInt },
  });
}

type Sql = ReturnType<typeof createSql>;

const globalForSql = globalThis as unknown as { sightlineSql?: Sql };

/** The postgres.js pool used for ingest and analytics SQL (bigint columns come back as BigInt). */
export function getSql(): Sql {
  globalForSql.sightlineSql ??= createSql();
  return globalForSql.sightlineSql;
}

export type { Sql };
