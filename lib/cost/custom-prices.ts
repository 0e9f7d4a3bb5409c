import { z } from "zod";
import { getPrisma } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../http/app-error";
import { requestCostRecompute } from "./recompute-costs";
import { TokenPriceZ } from "./token-price";
import type { PriceRates } from "./types";

const OptionalTokenPriceZ = TokenPriceZ.nullable().optional();

/** A project's own price, in USD per token (Langfuse-style field names). */
export const CustomPriceInputZ = z.object({
  modelName: z.string().trim().min(1, "must not be empty").max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  /** Langfuse's regex: exact names only, read as aliases (see matchPatternNames). */
  matchPattern: z.string().trim().max(1000).nullish(),
  provider: z.string().trim().max(100).nullable().optional(),
  startDate: z.iso.datetime({ offset: true }).optional(),
  inputPrice: OptionalTokenPriceZ,
  outputPrice: OptionalTokenPriceZ,
  cachedInputPrice: OptionalTokenPriceZ,
  cacheWritePrice: OptionalTokenPriceZ,
  reasoningPrice: OptionalTokenPriceZ,
  audioInputPrice: OptionalTokenPriceZ,
  audioOutputPrice: OptionalTokenPriceZ,
  imageInputPrice: OptionalTokenPriceZ,
});
export type CustomPriceInput = z.input<typeof CustomPriceInputZ>;

function toRates(input: z.output<typeof CustomPriceInputZ>): PriceRates {
  return {
    input: input.inputPrice ?? null,
    output: input.outputPrice ?? null,
    cacheRead: input.cachedInputPrice ?? null,
    cacheWrite: input.cacheWritePrice ?? null,
    reasoning: input.reasoningPrice ?? null,
    audioInput: input.audioInputPrice ?? null,
    audioOutput: input.audioOutputPrice ?? null,
    imageInput: input.imageInputPrice ?? null,
  };
}

const LITERAL_NAME = /^[A-Za-z0-9._:@/-]+$/;

/**
 * The model names a Langfuse matchPattern lists, such as `(?i)^(openai/)?(gpt-4o|gpt-4o-mini)$`:
 * anchors, the case flag and optional provider-prefix groups are dropped (prefixes and case are
 * ignored when matching anyway), and the rest must be one name or a group of names separated by
 * "|". Anything else is not a list of names, and null is returned.
 */
export function matchPatternNames(pattern: string): string[] | null {
  let rest = pattern
    .trim()
    .replace(/^\(\?i\)/, "")
    .replace(/^\^/, "")
    .replace(/\$$/, "");
  rest = rest.replace(/^(\([^()|]+\/\)\?)+/, "");
  if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.slice(1, -1);
  const names = rest.split("|").map((name) => name.replace(/\\([.\-/:@])/g, "$1"));
  return names.length > 0 && names.every((name) => LITERAL_NAME.test(name)) ? names : null;
}

/**
 * Adds a project price (or alias for a deployment name), replacing the project's own price of
 * the same model and start date if there is one, and recomputes stored costs.
 */
export async function createCustomPrice(projectId: string, body: unknown) {
  const input = CustomPriceInputZ.parse(body);
  if (input.matchPattern) {
    const names = matchPatternNames(input.matchPattern);
    if (!names) {
      throw new AppError(
        "bad_request",
        "matchPattern: only exact model names are supported, such as (?i)^(gpt-4o|gpt-4o-mini)$; " +
          "list other names in aliases",
      );
    }
    const extra = names.filter((name) => name.toLowerCase() !== input.modelName.toLowerCase());
    input.aliases = [...new Set([...input.aliases, ...extra])];
  }
  if (input.inputPrice == null && input.outputPrice == null) {
    throw new AppError("bad_request", "inputPrice: give at least an input or an output price");
  }
  const data = {
    projectId,
    model: input.modelName,
    aliases: input.aliases,
    provider: input.provider ?? null,
    effectiveFrom: input.startDate ? new Date(input.startDate) : new Date(0),
    rates: toRates(input) as unknown as Prisma.InputJsonValue,
    tiers: [],
  };

  // Two project prices of one model from one date would tie when spans are priced; the newer
  // one replaces the older instead.
  const prisma = getPrisma();
  const existing = await prisma.modelPrice.findFirst({
    where: {
      projectId,
      model: { equals: input.modelName, mode: "insensitive" },
      effectiveFrom: data.effectiveFrom,
    },
    orderBy: { createdAt: "desc" },
  });
  const price = existing
    ? await prisma.modelPrice.update({ where: { id: existing.id }, data })
    : await prisma.modelPrice.create({ data });

  const recomputeRunId = await requestCostRecompute(projectId);
  return { price, recomputeRunId };
}

/** Deletes one of the project's own prices (built-in ones cannot be deleted) and recomputes. */
export async function deleteCustomPrice(projectId: string, priceId: string) {
  const deleted = await getPrisma().modelPrice.deleteMany({ where: { id: priceId, projectId } });
  if (deleted.count === 0) throw new AppError("not_found", "Model price not found");
  return { recomputeRunId: await requestCostRecompute(projectId) };
}

/** The project's own prices first, then by model, the newest price of a model first. */
const PRICE_ORDER = [
  { projectId: { sort: "desc", nulls: "last" } },
  { model: "asc" },
  { effectiveFrom: "desc" },
  { id: "asc" },
] satisfies Prisma.ModelPriceOrderByWithRelationInput[];

/** Built-in and project prices, project ones first. */
export function listPrices(projectId: string) {
  return getPrisma().modelPrice.findMany({
    where: { OR: [{ projectId }, { projectId: null }] },
    orderBy: PRICE_ORDER,
  });
}

/** Query of GET /api/public/models: Langfuse's page (from 1) and limit (default 50). */
export const ListModelsQueryZ = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

/**
 * One page of the prices a project sees (its own first, then the built-in ones), with Langfuse's
 * meta: the page and limit asked for, the number of prices and of pages.
 */
export async function listPublicModels(projectId: string, query: z.infer<typeof ListModelsQueryZ>) {
  const where = { OR: [{ projectId }, { projectId: null }] };
  const [prices, totalItems] = await Promise.all([
    getPrisma().modelPrice.findMany({
      where,
      orderBy: PRICE_ORDER,
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    getPrisma().modelPrice.count({ where }),
  ]);
  return {
    data: prices.map(toPublicPrice),
    meta: {
      page: query.page,
      limit: query.limit,
      totalItems,
      totalPages: Math.ceil(totalItems / query.limit),
    },
  };
}

/** The most recent recomputation runs of a project, newest first. */
export function listRecomputeRuns(projectId: string) {
  return getPrisma().costRecomputeRun.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
}

/** A price in the reply shape of /api/public/models. */
export function toPublicPrice(price: Awaited<ReturnType<typeof listPrices>>[number]) {
  const rates = price.rates as unknown as PriceRates;
  return {
    id: price.id,
    modelName: price.model,
    aliases: price.aliases,
    provider: price.provider,
    startDate: price.effectiveFrom.toISOString(),
    isLangfuseManaged: price.projectId === null,
    isBuiltIn: price.projectId === null,
    inputPrice: rates.input,
    outputPrice: rates.output,
    cachedInputPrice: rates.cacheRead,
    cacheWritePrice: rates.cacheWrite,
    reasoningPrice: rates.reasoning,
    audioInputPrice: rates.audioInput,
    audioOutputPrice: rates.audioOutput,
    imageInputPrice: rates.imageInput,
    tiers: price.tiers,
    unit: "TOKENS",
  };
}
