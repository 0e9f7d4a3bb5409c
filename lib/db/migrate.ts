import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { EXTERNAL_TABLES } from "../../prisma.config";
import { socketDirectoryOf } from "./connection-options";

// Prisma's CLI downloads a native schema engine for every migrate command, which cannot work
// offline. Its wasm build of the same engine ships in an npm package, so we drive it directly.

const projectRoot = path.resolve(__dirname, "../..");
const schemaPath = path.join(projectRoot, "prisma/schema.prisma");
const migrationsDir = path.join(projectRoot, "prisma/migrations");
const LOCKFILE = 'provider = "postgresql"\n';
const filters: SchemaFilter = { externalTables: EXTERNAL_TABLES, externalEnums: [] };

type EngineModule = typeof EngineBindings;

// The wasm engine reports a Rust panic through this global before it throws.
let lastPanicMessage: string | null = null;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanicMessage = message;
  },
};

let engineModule: Promise<EngineModule> | null = null;

/** The bindings keep module-level state (memory views), so the wasm is instantiated only once. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiateEngineModule();
  return engineModule;
}

async function instantiateEngineModule(): Promise<EngineModule> {
  const require = createRequire(__filename);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = (await import(bgPath)) as EngineModule & Record<string, unknown>;
  const wasmBytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
  (bindings as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start?.();
  return bindings;
}

interface RawQueryable {
  performIO: (query: unknown) => Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;
  queryRaw: (query: unknown) => Promise<{ columnTypes: number[]; rows: unknown[] }>;
  startTransaction?: (...args: unknown[]) => Promise<unknown>;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine's schema description reads catalog columns of Postgres' one-byte "char" type, which
 * @prisma/adapter-pg 7.10 refuses as unsupported. We let the adapter read them as text and then
 * label those columns with the driver-adapter type the engine expects for them.
 */
function acceptCharColumns<T>(queryable: T): T {
  const target = queryable as unknown as RawQueryable;
  const charColumnsByRows = new WeakMap<unknown[], number[]>();

  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };

  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsByRows.get(resultSet.rows) ?? []) {
      resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return resultSet;
  };

  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) {
    target.startTransaction = async (...args) => acceptCharColumns(await startTransaction(...args));
  }
  return queryable;
}

/**
 * The engine never closes the connections it opens (freeing it only frees wasm memory), and a
 * leaked one keeps Prisma's migration advisory lock, so we track them and close them ourselves.
 */
function createMigrationAdapter(databaseUrl: string) {
  const config = poolConfigFromUrl(databaseUrl);
  const factory = new PrismaPg(config);
  const opened: { dispose: () => Promise<void> }[] = [];
  const connect = async () => {
    const adapter = await PrismaPg.prototype.connect.call(factory);
    opened.push(adapter);
    return adapter;
  };
  factory.connect = async () => acceptCharColumns(await connect());

  // The adapter's own shadow database is dropped while its pool still holds a connection, which
  // Postgres refuses; ours closes the pool first and drops with FORCE.
  factory.connectToShadowDb = async () => {
    const main = await connect();
    const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...config, database: name }).connect();
    opened.push(shadow);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await main.dispose();
    };
    return acceptCharColumns(shadow);
  };
  const closeAll = async () => {
    await Promise.all(opened.splice(0).map((adapter) => adapter.dispose().catch(() => undefined)));
  };
  return { adapter: bindMigrationAwareSqlAdapterFactory(factory), closeAll };
}

/**
 * Discrete pool fields rather than a connection string, because a shadow database is opened by
 * overriding `database`, which a connection string would silently take precedence over.
 */
function poolConfigFromUrl(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    // A Unix socket directory in `host` (libpq's form) wins over the URL's host name.
    host: socketDirectoryOf(databaseUrl) ?? url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
    ssl: sslFromUrl(url),
  };
}

function sslFromUrl(url: URL): boolean | { rejectUnauthorized: boolean } | undefined {
  const mode = url.searchParams.get("sslmode");
  if (!mode || mode === "disable") return undefined;
  return mode === "verify-full" || mode === "verify-ca" ? true : { rejectUnauthorized: false };
}

async function openEngine(databaseUrl: string, onLog?: (line: string) => void) {
  const { SchemaEngine } = await loadEngineModule();
  const { adapter, closeAll } = createMigrationAdapter(databaseUrl);
  const schema = await readFile(schemaPath, "utf8");
  const engine: SchemaEngine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => onLog?.(line),
    adapter,
  );
  const close = async () => {
    engine.free();
    await closeAll();
  };
  return { engine, schema, close };
}

async function listMigrations(): Promise<MigrationList> {
  const entries = existsSync(migrationsDir)
    ? await readdir(migrationsDir, { withFileTypes: true })
    : [];
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  directories.sort();

  const migrationDirectories = await Promise.all(
    directories.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (text) => ({ tag: "ok" as const, value: text }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );

  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, "utf8") : LOCKFILE;
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Rust panics surface as "unreachable": report the panic message instead. */
function explainEngineError(error: unknown): Error {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  if (message) return new Error(`schema engine panic: ${message}`);
  return error instanceof Error ? error : new Error(String(error));
}

/** Applies every pending migration in prisma/migrations; returns the names applied. */
export async function deployMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openEngine(databaseUrl);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await listMigrations(),
      filters,
    });
    return result.appliedMigrationNames;
  } catch (error) {
    throw explainEngineError(error);
  } finally {
    await close();
  }
}

/**
 * Writes a new migration folder for the difference between the migrations so far and
 * prisma/schema.prisma (the engine replays them on a temporary shadow database). Returns the
 * folder name, or null when the schema has no change.
 */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const { engine, schema, close } = await openEngine(databaseUrl);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await listMigrations()) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters,
    });
    if (result.exitCode !== 2 || !result.stdout) return null;

    const folderName = `${migrationTimestamp(new Date())}_${slugify(name)}`;
    const folder = path.join(migrationsDir, folderName);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "migration.sql"), result.stdout);
    const lockPath = path.join(migrationsDir, "migration_lock.toml");
    if (!existsSync(lockPath)) await writeFile(lockPath, LOCKFILE);
    return folderName;
  } catch (error) {
    throw explainEngineError(error);
  } finally {
    await close();
  }
}

/** Prisma's folder prefix: UTC time as YYYYMMDDHHMMSS. */
function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("the migration name needs at least one letter or digit");
  return slug;
}
