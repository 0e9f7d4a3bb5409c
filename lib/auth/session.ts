import { redirect } from "next/navigation";
import { getPrisma } from "../db/prisma";
import { AppError } from "../http/app-error";
import { auth } from "./auth";

/** The signed-in user for an API route, or 401. */
export async function requireSessionUser(): Promise<{
  id: string;
  email: string;
  name: string | null;
}> {
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

/** The signed-in user for a page; redirects to sign-in when there is none. */
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
  if (!user) redirect("/sign-in");
  return user;
}
