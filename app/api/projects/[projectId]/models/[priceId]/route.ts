import { NextResponse } from "next/server";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { deleteCustomPrice } from "@/lib/cost/custom-prices";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// DELETE /api/projects/:projectId/models/:priceId
export const DELETE = handleRoute<{ projectId: string; priceId: string }>(
  async (_request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, priceId } = await params;
    await requireProjectAccess(user.id, projectId, { role: "ADMIN", action: "Editing prices" });
    return NextResponse.json(await deleteCustomPrice(projectId, priceId));
  },
);

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ DELETE });
