import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import {
  createCustomPrice,
  ListModelsQueryZ,
  listPublicModels,
  toPublicPrice,
} from "@/lib/cost/custom-prices";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

// GET /api/public/models?page=&limit= -> a page of the built-in and project prices
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const params = new URL(request.url).searchParams;
  const query = ListModelsQueryZ.parse(Object.fromEntries(params.entries()));
  return NextResponse.json(await listPublicModels(principal.projectId, query));
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

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
