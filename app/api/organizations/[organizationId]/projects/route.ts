import { NextResponse } from "next/server";
import { z } from "zod";
import { requireOrganizationAccess } from "@/lib/auth/access";
import { createProject, ProjectNameZ } from "@/lib/auth/organizations";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

const CreateProjectZ = z.object({ name: ProjectNameZ });

// POST /api/organizations/:organizationId/projects
export const POST = handleRoute<{ organizationId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { organizationId } = await params;
  await requireOrganizationAccess(user.id, organizationId, {
    role: "ADMIN",
    action: "Creating projects",
  });
  const body = CreateProjectZ.parse(await readJson(request));
  const project = await createProject(organizationId, body.name);
  return NextResponse.json({ id: project.id, name: project.name }, { status: 201 });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
