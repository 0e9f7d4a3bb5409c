import type { Role } from "../generated/prisma/enums";
import { AppError } from "../http/app-error";

const RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];

/** True when `role` is at least `required` (owner > admin > member > viewer). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** Throws 403 naming the role needed when `role` is below `required`. */
export function assertRole(role: Role, required: Role, action: string): void {
  if (!hasRole(role, required)) {
    throw new AppError(
      "forbidden",
      `${action} requires the ${required.toLowerCase()} role or higher; ` +
        `you are ${role.toLowerCase()}`,
    );
  }
}

export type { Role };
