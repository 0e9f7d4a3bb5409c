import { NextResponse } from "next/server";
import { signUp } from "@/lib/auth/accounts";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// POST /api/sign-up -> creates a user with an organization and a first project
export const POST = handleRoute(async (request) => {
  const body = (await readJson(request)) as Record<string, unknown>;
  const created = await signUp({
    email: typeof body.email === "string" ? body.email : "",
    password: typeof body.password === "string" ? body.password : "",
    name: typeof body.name === "string" ? body.name : undefined,
    organizationName: typeof body.organizationName === "string" ? body.organizationName : undefined,
  });
  return NextResponse.json(
    {
      userId: created.user.id,
      organizationId: created.organization.id,
      projectId: created.project.id,
    },
    { status: 201 },
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
