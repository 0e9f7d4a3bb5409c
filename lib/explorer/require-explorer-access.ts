import { notFound } from "next/navigation";
import { requireProjectAccess } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/app-error";

/**
 * The signed-in user of an explorer page, who must be a member of the project. Each page checks
 * for itself: a layout is not re-run on client-side navigation between its pages. Other tenants'
 * projects answer 404, never 403.
 */
export async function requireExplorerAccess(projectId: string) {
  const user = await requirePageUser();
  await requireProjectAccess(user.id, projectId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return user;
}
