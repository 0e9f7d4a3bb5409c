import { headers } from "next/headers";

/** The URL users reach this Sightline at: SIGHTLINE_PUBLIC_URL, else the request's own host. */
export async function resolvePublicUrl(): Promise<string> {
  const configured = process.env.SIGHTLINE_PUBLIC_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  const requestHeaders = await headers();
  const host =
    requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}
