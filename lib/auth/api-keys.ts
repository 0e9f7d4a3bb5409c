import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getPrisma } from "../db/prisma";
import { AppError } from "../http/app-error";

export const PUBLIC_KEY_PREFIX = "pk-sl-";
export const SECRET_KEY_PREFIX = "sk-sl-";

/** The project a request is authenticated for, by API key. */
export interface ApiKeyPrincipal {
  projectId: string;
  apiKeyId: string;
  publicKey: string;
}

/** A secret key is 32 random bytes: a fast hash is enough, and it keeps the ingest path cheap. */
export function hashSecretKey(secretKey: string): string {
  return createHash("sha256").update(secretKey).digest("hex");
}

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

export function generateKeyPair(): { publicKey: string; secretKey: string } {
  return {
    publicKey: `${PUBLIC_KEY_PREFIX}${randomToken(12)}`,
    secretKey: `${SECRET_KEY_PREFIX}${randomToken(32)}`,
  };
}

function displaySecret(secretKey: string): string {
  return `${secretKey.slice(0, SECRET_KEY_PREFIX.length + 3)}...${secretKey.slice(-4)}`;
}

/** Creates an API key for a project; the secret is returned here once and stored only hashed. */
export async function createApiKey(input: {
  projectId: string;
  note?: string | null;
  createdByUserId?: string | null;
  publicKey?: string;
  secretKey?: string;
}) {
  const generated = generateKeyPair();
  const publicKey = input.publicKey ?? generated.publicKey;
  const secretKey = input.secretKey ?? generated.secretKey;
  assertKeyShape(publicKey, secretKey);

  const apiKey = await getPrisma().apiKey.create({
    data: {
      projectId: input.projectId,
      publicKey,
      secretKeyHash: hashSecretKey(secretKey),
      displaySecretKey: displaySecret(secretKey),
      note: input.note ?? null,
      createdByUserId: input.createdByUserId ?? null,
    },
  });
  return { apiKey, secretKey };
}

function assertKeyShape(publicKey: string, secretKey: string): void {
  if (!publicKey.startsWith(PUBLIC_KEY_PREFIX) || publicKey.length < PUBLIC_KEY_PREFIX.length + 8) {
    throw new AppError(
      "bad_request",
      `publicKey: must start with ${PUBLIC_KEY_PREFIX} and be longer`,
    );
  }
  if (
    !secretKey.startsWith(SECRET_KEY_PREFIX) ||
    secretKey.length < SECRET_KEY_PREFIX.length + 16
  ) {
    throw new AppError(
      "bad_request",
      `secretKey: must start with ${SECRET_KEY_PREFIX} and be longer`,
    );
  }
}

/** Lists a project's keys without secrets. */
export function listApiKeys(projectId: string) {
  return getPrisma().apiKey.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      publicKey: true,
      displaySecretKey: true,
      note: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
}

/** Revokes a key of the project; 404 when the key belongs to another project. */
export async function revokeApiKey(projectId: string, apiKeyId: string): Promise<void> {
  const result = await getPrisma().apiKey.updateMany({
    where: { id: apiKeyId, projectId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) {
    const exists = await getPrisma().apiKey.findFirst({ where: { id: apiKeyId, projectId } });
    if (!exists) throw new AppError("not_found", "API key not found");
  }
  principalCache.clear();
}

const CACHE_TTL_MS = 10_000;
const LAST_USED_INTERVAL_MS = 60_000;
const principalCache = new Map<string, { principal: ApiKeyPrincipal; expiresAt: number }>();
const lastUsedWrites = new Map<string, number>();

function parseAuthorization(header: string | null): { publicKey?: string; secretKey: string } {
  if (!header) {
    throw new AppError(
      "unauthorized",
      "Missing Authorization header: use Basic base64(publicKey:secretKey) or Bearer <secretKey>",
    );
  }
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const credentials = rest.join(" ");
  if (scheme?.toLowerCase() === "bearer" && credentials) {
    if (!credentials.startsWith(SECRET_KEY_PREFIX)) {
      throw new AppError(
        "unauthorized",
        `Bearer token must be a secret key (${SECRET_KEY_PREFIX}...)`,
      );
    }
    return { secretKey: credentials };
  }
  if (scheme?.toLowerCase() === "basic" && credentials) {
    const decoded = Buffer.from(credentials, "base64").toString("utf8");
    const separator = decoded.indexOf(":");
    if (separator <= 0) {
      throw new AppError(
        "unauthorized",
        "Malformed Basic credentials: expected publicKey:secretKey",
      );
    }
    return { publicKey: decoded.slice(0, separator), secretKey: decoded.slice(separator + 1) };
  }
  throw new AppError("unauthorized", "Unsupported Authorization scheme: use Basic or Bearer");
}

/** Authenticates a public-API request by its Authorization header, or throws 401. */
export async function authenticateApiKey(header: string | null): Promise<ApiKeyPrincipal> {
  const cacheKey = header ?? "";
  const cached = principalCache.get(cacheKey);
  if (cached && cached.expiresAt > Date.now()) return cached.principal;

  const { publicKey, secretKey } = parseAuthorization(header);
  const secretKeyHash = hashSecretKey(secretKey);
  const apiKey = await getPrisma().apiKey.findUnique({ where: { secretKeyHash } });
  const matches =
    apiKey !== null &&
    (publicKey === undefined ||
      (publicKey.length === apiKey.publicKey.length &&
        timingSafeEqual(Buffer.from(publicKey), Buffer.from(apiKey.publicKey))));
  if (!apiKey || !matches) throw new AppError("unauthorized", "Invalid API key");
  if (apiKey.revokedAt) throw new AppError("unauthorized", "API key has been revoked");

  const principal = {
    projectId: apiKey.projectId,
    apiKeyId: apiKey.id,
    publicKey: apiKey.publicKey,
  };
  principalCache.set(cacheKey, { principal, expiresAt: Date.now() + CACHE_TTL_MS });
  recordUse(apiKey.id);
  return principal;
}

function recordUse(apiKeyId: string): void {
  const last = lastUsedWrites.get(apiKeyId) ?? 0;
  if (Date.now() - last < LAST_USED_INTERVAL_MS) return;
  lastUsedWrites.set(apiKeyId, Date.now());
  void getPrisma()
    .apiKey.update({ where: { id: apiKeyId }, data: { lastUsedAt: new Date() } })
    .catch(() => undefined);
}
