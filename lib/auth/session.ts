import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPrisma } from "../db/prisma";
import { AppError } from "../http/app-error";
import { auth } from "./auth";
import { PAGE_PATH_HEADER, signInPath } from "./callback-url";

/**
 * Session cookies ride along on requests from other sites (and SameSite=Lax treats another port
 * of the same host as the same site), so cookie-authenticated routes refuse any request whose
 * Origin is not this app's own host.
 */
async function assertSameOrigin(): Promise<void> {
  const requestHeaders = await headers();
  const origin = requestHeaders.get("origin");
  if (!origin) return;
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) {
    throw new AppError("forbidden", "Cross-site request refused: the Origin is not this app");
  }
}

/** The signed-in user for an API route, or 401 (403 for a cross-site request). */
export async function requireSessionUser(): Promise<{
  id: string;
  email: string;
  name: string | null;
}> {
  await assertSameOrigin();
  const session = await auth();
  const id = session?.user?.id;
  if (!id) throw new AppError("unauthorized", "Sign in required");
  const user = await getPrisma().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true },
  });
  if (!user) throw new AppError("unauthorized", "Sign in required");
  return user;
}

/**
 * The signed-in user for a page; redirects to sign-in when there is none, with the requested
 * page as the callback (proxy.ts names it) so that signing in leads back there.
 */
export async function requirePageUser(): Promise<{
  id: string;
  email: string;
  name: string | null;
  timeZone: string | null;
}> {
  const session = await auth();
  const id = session?.user?.id;
  const user = id
    ? await getPrisma().user.findUnique({
        where: { id },
        select: { id: true, email: true, name: true, timeZone: true },
      })
    : null;
  if (!user) redirect(signInPath((await headers()).get(PAGE_PATH_HEADER)));
  return user;
}
