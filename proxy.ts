import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "./lib/auth/callback-url";

/**
 * Tells the pages behind sign-in which path was requested (server components cannot read the
 * URL), so that a signed-out visitor comes back to it after signing in. The header is always
 * overwritten here: a client cannot choose it, and the sign-in page checks it again anyway.
 */
export function proxy(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  // Next's flight marker of client navigations is no part of the page's address.
  url.searchParams.delete("_rsc");

  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, `${url.pathname}${url.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/project/:path*"] };
