import { randomUUID } from "node:crypto";

import { AppError } from "./app-error";
import { errorResponse } from "./handle-route";

/** The methods a route module implements itself; Next answers HEAD from GET. */
export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

type Handler = (request: Request) => Promise<Response>;

/** The route's own methods, the HEAD that GET brings, then OPTIONS: the `Allow` header. */
type UnsupportedMethod<M extends RouteMethod> = Exclude<
  RouteMethod | "HEAD",
  M | (M extends "GET" ? "HEAD" : never)
>;

const ALLOW_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * Handlers for every method a route does not implement, to export next to its own: they answer
 * 405 with the JSON error and an `Allow` header (Next's own 405 has neither), and OPTIONS lists
 * the route's methods (Next's would count these 405 handlers as methods the route allows).
 *
 * `export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });`
 */
export function rejectOtherMethods<M extends RouteMethod>(
  implemented: Record<M, unknown>,
): Record<UnsupportedMethod<M> | "OPTIONS", Handler> {
  const own = Object.keys(implemented) as RouteMethod[];
  const allowed = ALLOW_ORDER.filter(
    (method) =>
      own.includes(method as RouteMethod) ||
      method === "OPTIONS" ||
      (method === "HEAD" && own.includes("GET")),
  );
  const allow = allowed.join(", ");

  const notAllowed: Handler = async (request) => {
    const { pathname } = new URL(request.url);
    const error = new AppError(
      "method_not_allowed",
      `Method ${request.method} is not allowed on ${pathname}; allowed: ${allow}`,
      { method: request.method, allowed },
    );
    const response = errorResponse(error, request.headers.get("x-request-id") ?? randomUUID());
    response.headers.set("allow", allow);
    return response;
  };
  const options: Handler = async () =>
    new Response(null, { status: 204, headers: { allow: allow } });

  const handlers: Partial<Record<string, Handler>> = { OPTIONS: options };
  for (const method of ALLOW_ORDER) {
    if (!allowed.includes(method)) handlers[method] = notAllowed;
  }
  return handlers as Record<UnsupportedMethod<M> | "OPTIONS", Handler>;
}
