import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "./lib/auth/callback-url";
import { hasValidPathEncoding, INVALID_PATH_MESSAGE } from "./lib/http/path-encoding";

/**
 * Runs before routing: refuses paths whose percent-encoding is not UTF-8 with a 400 (Next's
 * router would answer a bare 500), and hands the project pages the requested path.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  if (!hasValidPathEncoding(pathname)) {
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: INVALID_PATH_MESSAGE }, { status: 400 })
      : new NextResponse(INVALID_PATH_MESSAGE, { status: 400 });
  }
  return pathname.startsWith("/project/") ? withPagePath(request) : NextResponse.next();
}

/**
 * Tells the pages behind sign-in which path was requested (server components cannot read the
 * URL), so that a signed-out visitor comes back to it after signing in. The header is always
 * overwritten here: a client cannot choose it, and the sign-in page checks it again anyway.
 */
function withPagePath(request: NextRequest): NextResponse {
  const url = request.nextUrl.clone();
  // Next's flight marker of client navigations is no part of the page's address.
  url.searchParams.delete("_rsc");

  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, `${url.pathname}${url.search}`);
  return NextResponse.next({ request: { headers } });
}

// Every page and API path but the ingest endpoints (static paths, the hot path) and Next's assets.
// Media uploads too: a proxy would buffer their bodies (up to a limit Next imposes on proxies).
export const config = { matcher: ["/((?!_next/|v1/traces|api/public/otel/|api/public/media/).*)"] };
