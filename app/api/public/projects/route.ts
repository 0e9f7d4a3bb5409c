import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { getPrisma } from "@/lib/db/prisma";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

// GET /api/public/projects -> the project the API key belongs to (Langfuse-shaped)
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const project = await getPrisma().project.findUniqueOrThrow({
    where: { id: principal.projectId },
    include: { organization: { select: { id: true, name: true } } },
  });
  return NextResponse.json({
    data: [
      {
        id: project.id,
        name: project.name,
        organization: project.organization,
        metadata: {},
      },
    ],
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
