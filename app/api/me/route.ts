import { NextResponse } from "next/server";
import { requireSessionUser } from "@/lib/auth/session";
import { setUserTimeZone, timeZoneUpdateSchema } from "@/lib/auth/time-zone";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// PATCH /api/me {timeZone} -> the signed-in user's display time zone (null = browser's)
export const PATCH = handleRoute(async (request) => {
  const user = await requireSessionUser();
  const { timeZone } = timeZoneUpdateSchema.parse(await readJson(request));
  await setUserTimeZone(user.id, timeZone);
  return NextResponse.json({ timeZone });
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = rejectOtherMethods({ PATCH });
