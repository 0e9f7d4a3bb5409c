import { NextResponse } from "next/server";
import { z } from "zod";
import { createOrganization } from "@/lib/auth/organizations";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

const CreateOrganizationZ = z.object({ name: z.string().trim().min(1).max(100) });

// POST /api/organizations
export const POST = handleRoute(async (request) => {
  const user = await requireSessionUser();
  const body = CreateOrganizationZ.parse(await readJson(request));
  const organization = await createOrganization(user.id, body.name);
  return NextResponse.json({ id: organization.id, name: organization.name }, { status: 201 });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
