import { z } from "zod";

import { AppError } from "@/lib/http/app-error";

/** A position in the trace list: the last trace shown, by (start time, trace id). */
export interface TraceCursor {
  /** start_time as microseconds since the epoch (Postgres' precision), a decimal string. */
  startMicros: string;
  traceId: string;
}

const CursorZ = z.tuple([z.string().regex(/^-?\d{1,19}$/), z.string().min(1).max(64)]);

/** An opaque, URL-safe token for a cursor. */
export function encodeTraceCursor(cursor: TraceCursor): string {
  return Buffer.from(JSON.stringify([cursor.startMicros, cursor.traceId])).toString("base64url");
}

/** Reads a token from encodeTraceCursor; a 400 naming the parameter when it is not one. */
export function decodeTraceCursor(token: string): TraceCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }

  const result = CursorZ.safeParse(parsed);
  if (!result.success) throw invalidCursor();
  const [startMicros, traceId] = result.data;
  return { startMicros, traceId };
}

function invalidCursor(): AppError {
  return new AppError("bad_request", "Invalid cursor: pass the meta.nextCursor of a previous page");
}
