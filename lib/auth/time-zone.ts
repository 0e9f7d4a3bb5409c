import { z } from "zod";
import { getPrisma } from "../db/prisma";

/** True for an IANA zone name this runtime knows (e.g. "Europe/Paris", "UTC"). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `timeZone`: an IANA zone name, or null for "follow the browser". */
export const timeZoneUpdateSchema = z.object({
  timeZone: z
    .string()
    .max(64)
    .refine(isKnownTimeZone, "must be an IANA time zone name such as Europe/Paris")
    .nullable(),
});

/** Stores the user's display time zone (null = the browser's). */
export async function setUserTimeZone(userId: string, timeZone: string | null): Promise<void> {
  await getPrisma().user.update({ where: { id: userId }, data: { timeZone } });
}
