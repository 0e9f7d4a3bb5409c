import { NextResponse } from "next/server";
import { z } from "zod";
import { requireProjectAccess } from "@/lib/auth/access";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

const CreateApiKeyZ = z.object({ note: z.string().trim().max(200).optional() });

// GET /api/projects/:projectId/api-keys
export const GET = handleRoute<{ projectId: string }>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId);
  return NextResponse.json({ data: await listApiKeys(projectId) });
});

// POST /api/projects/:projectId/api-keys
export const POST = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId, { role: "ADMIN", action: "Creating API keys" });
  const body = CreateApiKeyZ.parse(await readJson(request));

  const { apiKey, secretKey } = await createApiKey({
    projectId,
    note: body.note ?? null,
    createdByUserId: user.id,
  });
  return NextResponse.json(
    {
      id: apiKey.id,
      publicKey: apiKey.publicKey,
      secretKey,
      displaySecretKey: apiKey.displaySecretKey,
      note: apiKey.note,
      createdAt: apiKey.createdAt,
    },
    { status: 201 },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
