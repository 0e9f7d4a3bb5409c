import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { createCustomPrice, listPrices, toPublicPrice } from "@/lib/cost/custom-prices";
import { handleRoute, readJson } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

// GET /api/public/models -> built-in and project prices
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const prices = await listPrices(principal.projectId);
  return NextResponse.json({
    data: prices.map(toPublicPrice),
    meta: { page: 1, limit: prices.length, totalItems: prices.length, totalPages: 1 },
  });
});

// POST /api/public/models -> a project price (costs are recomputed in the background)
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { price, recomputeRunId } = await createCustomPrice(
    principal.projectId,
    await readJson(request),
  );
  return NextResponse.json({ ...toPublicPrice(price), recomputeRunId }, { status: 201 });
});
