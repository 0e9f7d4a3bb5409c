import { getPrisma } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { listBuiltinPrices } from "./builtin-prices";
import { PriceBook } from "./match-model";
import type { ModelPrice, PriceRates, PriceTier } from "./types";

const CACHE_TTL_MS = 30_000;
const books = new Map<string, { book: PriceBook; loadedAt: number }>();

/** Writes the built-in prices into the registry (idempotent; run at every start). */
export async function seedBuiltinPrices(): Promise<number> {
  const prisma = getPrisma();
  const prices = listBuiltinPrices();
  for (const price of prices) {
    const data = {
      projectId: null,
      model: price.model,
      aliases: price.aliases,
      provider: price.provider,
      effectiveFrom: price.effectiveFrom,
      rates: price.rates as unknown as Prisma.InputJsonValue,
      tiers: price.tiers as unknown as Prisma.InputJsonValue,
    };
    await prisma.modelPrice.upsert({
      where: { id: price.id },
      create: { id: price.id, ...data },
      update: data,
    });
  }
  books.clear();
  return prices.length;
}

function toModelPrice(row: {
  id: string;
  projectId: string | null;
  model: string;
  aliases: string[];
  provider: string | null;
  effectiveFrom: Date;
  rates: Prisma.JsonValue;
  tiers: Prisma.JsonValue;
}): ModelPrice {
  return {
    id: row.id,
    projectId: row.projectId,
    model: row.model,
    aliases: row.aliases,
    provider: row.provider,
    effectiveFrom: row.effectiveFrom,
    rates: row.rates as unknown as PriceRates,
    tiers: (row.tiers ?? []) as unknown as PriceTier[],
  };
}

/** The prices a project sees: built-in ones plus its own, cached briefly per project. */
export async function loadPriceBook(projectId: string): Promise<PriceBook> {
  const cached = books.get(projectId);
  if (cached && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached.book;
  const rows = await getPrisma().modelPrice.findMany({
    where: { OR: [{ projectId: null }, { projectId }] },
  });
  const book = new PriceBook(rows.map(toModelPrice));
  books.set(projectId, { book, loadedAt: Date.now() });
  return book;
}

/** Forgets cached prices after a change, so new spans use the new price at once. */
export function invalidatePriceBook(projectId?: string): void {
  if (projectId) books.delete(projectId);
  else books.clear();
}
