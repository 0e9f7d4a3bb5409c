import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { logger } from "../log/logger";
import { AppError } from "./app-error";
import { assertStorableJson, assertStorableUrl } from "./storable-input";

export interface RouteContext<P = Record<string, string>> {
  params: Promise<P>;
}

type Handler<P> = (
  request: Request,
  context: RouteContext<P>,
  requestId: string,
) => Promise<Response>;

/** Turns a thrown error into the JSON error reply; unknown ones become a 500 with a request id. */
export function errorResponse(error: unknown, requestId: string): NextResponse {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { error: error.message };
    if (error.details !== undefined) body.details = error.details;
    return NextResponse.json(body, {
      status: error.status,
      headers: { "x-request-id": requestId },
    });
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      field: issue.path.join(".") || "(body)",
      message: issue.message,
    }));
    const first = issues[0];
    const message = first ? `Invalid ${first.field}: ${first.message}` : "Invalid request";
    return NextResponse.json(
      { error: message, details: issues },
      { status: 400, headers: { "x-request-id": requestId } },
    );
  }
  logger.error({ err: error, requestId }, "request failed");
  return NextResponse.json(
    { error: "Internal server error", requestId },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}

/** Wraps a route handler: request id, error mapping, and no internals leaked on faults. */
export function handleRoute<P = Record<string, string>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    try {
      assertStorableUrl(new URL(request.url));
      return await handler(request, context, requestId);
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/**
 * Parses a JSON body, answering 400 (not 500) when it is not JSON. A body sent as another media
 * type is refused (415): plain-text bodies are what cross-site forms can send without a
 * preflight.
 */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError(
      "unsupported_media_type",
      `Content-Type must be application/json, not ${mediaType ?? "(none)"}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
  assertStorableJson(parsed);
  return parsed;
}
