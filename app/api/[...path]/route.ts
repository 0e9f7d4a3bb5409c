import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

// Any method on a path under /api that no route serves -> 404 as JSON, like every API error
// (Next's default is its HTML page). Routes that exist always win over this catch-all.
const notFound = handleRoute<{ path: string[] }>(async (request) => {
  throw new AppError("not_found", `No API endpoint at ${new URL(request.url).pathname}`);
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
