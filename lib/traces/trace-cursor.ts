import { z } from "zod";

import { AppError } from "@/lib/http/app-error";

import {
  DEFAULT_TRACE_ORDER,
  assertCursorFitsOrder,
  type TraceOrder,
  type TraceOrderCursor,
} from "./trace-order";

/**
 * Tokens for the trace list's keyset cursor: the last trace shown, by (the order's value, trace
 * id). For the default order (newest first) the token holds [start microseconds, trace id], as
 * before orderBy existed; other orders also carry their name, so that a cursor cannot be
 * replayed under another order.
 */

const DefaultCursorZ = z.tuple([z.string().regex(/^-?\d{1,19}$/), z.string().min(1).max(64)]);
const OrderedCursorZ = z.tuple([
  z.string().max(2000),
  z.string().min(1).max(64),
  z.string().max(40),
]);

function orderName(order: TraceOrder): string {
  return `${order.field}.${order.direction}`;
}

function isDefaultOrder(order: TraceOrder): boolean {
  return orderName(order) === orderName(DEFAULT_TRACE_ORDER);
}

/** An opaque, URL-safe token for a cursor under an order. */
export function encodeTraceCursor(
  cursor: TraceOrderCursor,
  order: TraceOrder = DEFAULT_TRACE_ORDER,
): string {
  const parts = isDefaultOrder(order)
    ? [cursor.value, cursor.traceId]
    : [cursor.value, cursor.traceId, orderName(order)];
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** Reads a token from encodeTraceCursor; a 400 naming the parameter when it is not one. */
export function decodeTraceCursor(
  token: string,
  order: TraceOrder = DEFAULT_TRACE_ORDER,
): TraceOrderCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }

  if (isDefaultOrder(order)) {
    const result = DefaultCursorZ.safeParse(parsed);
    if (!result.success) throw invalidCursor();
    const [value, traceId] = result.data;
    return { value, traceId };
  }

  const result = OrderedCursorZ.safeParse(parsed);
  if (!result.success || result.data[2] !== orderName(order)) throw invalidCursor();
  const [value, traceId] = result.data;
  const cursor = { value, traceId };
  assertCursorFitsOrder(order, cursor);
  return cursor;
}

function invalidCursor(): AppError {
  return new AppError(
    "bad_request",
    "Invalid cursor: pass the meta.nextCursor of a previous page with the same orderBy",
  );
}
