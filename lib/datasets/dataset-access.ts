import { requireProjectAccess } from "../auth/access";
import { requireSessionUser } from "../auth/session";

import { getDatasetById } from "./datasets";

/**
 * The signed-in user of a datasets route, who must be a member of the project (404 for other
 * tenants). `write` also requires the member role: viewers read only.
 */
export async function requireDatasetUser(projectId: string, access: "read" | "write") {
  const user = await requireSessionUser();
  await requireProjectAccess(
    user.id,
    projectId,
    access === "write" ? { role: "MEMBER", action: "Changing datasets" } : undefined,
  );
  return user;
}

/** As requireDatasetUser, and the dataset must belong to the project (404 otherwise). */
export async function requireDatasetOfProject(
  projectId: string,
  datasetId: string,
  access: "read" | "write",
) {
  const user = await requireDatasetUser(projectId, access);
  const dataset = await getDatasetById(projectId, datasetId);
  return { user, dataset };
}
