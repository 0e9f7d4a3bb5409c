import { notFound } from "next/navigation";

import { requireProjectAccess } from "../auth/access";
import { hasRole } from "../auth/roles";
import { requirePageUser } from "../auth/session";
import { AppError } from "../http/app-error";

/**
 * The signed-in member of a datasets page and whether they may change datasets (members and
 * above; viewers read only). Other tenants' projects answer 404.
 */
export async function requireDatasetPage(projectId: string) {
  const user = await requirePageUser();
  const access = await requireProjectAccess(user.id, projectId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return { user, canWrite: hasRole(access.role, "MEMBER") };
}

/** Runs a lookup that answers 404 with an AppError, turning that into the page's not-found. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  return lookup.catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}
