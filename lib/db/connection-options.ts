/**
 * A DATABASE_URL may name a Unix socket directory in a `host` query parameter, libpq's form
 * (`postgresql://user:pass@localhost:5432/db?host=/run/postgresql`), which node-postgres (Prisma's
 * adapter, pg-boss) reads by itself. postgres.js does not: it would send `host` to the server as
 * a setting, so its clients take the URL through this function.
 */
export function postgresJsConnection(databaseUrl: string): { url: string; path?: string } {
  const url = new URL(databaseUrl);
  const socketDir = url.searchParams.get("host");
  if (!socketDir?.startsWith("/")) return { url: databaseUrl };

  url.searchParams.delete("host");
  return { url: url.toString(), path: `${socketDir}/.s.PGSQL.${url.port || 5432}` };
}

/** The Unix socket directory a DATABASE_URL names (see postgresJsConnection), if any. */
export function socketDirectoryOf(databaseUrl: string): string | undefined {
  const socketDir = new URL(databaseUrl).searchParams.get("host");
  return socketDir?.startsWith("/") ? socketDir : undefined;
}

/** Arguments for `postgres(...)` from a DATABASE_URL: the URL and options with its socket. */
export function postgresJsArgs(
  databaseUrl: string,
): [string, { path?: string; onnotice: () => void }] {
  const connection = postgresJsConnection(databaseUrl);
  return [connection.url, { path: connection.path, onnotice: () => {} }];
}
