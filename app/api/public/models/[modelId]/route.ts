import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { deleteCustomPrice } from "@/lib/cost/custom-prices";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// DELETE /api/public/models/:modelId (project prices only)
export const DELETE = handleRoute<{ modelId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { modelId } = await params;
  return NextResponse.json(await deleteCustomPrice(principal.projectId, modelId));
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ DELETE });
