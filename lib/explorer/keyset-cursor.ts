import { AppError } from "@/lib/http/app-error";

/**
 * An opaque keyset cursor: the sort key it was made for, the last row's sort value (as the exact
 * text Postgres printed, so a timestamp keeps its microseconds and a cost all its digits) and the
 * last row's id, which breaks ties between rows with the same sort value.
 */
export interface KeysetCursor {
  sort: string;
  value: string | null;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString("base64url");
}

/** Decodes a cursor made for `sort`; a foreign or damaged cursor is a 400, not a wrong page. */
export function decodeCursor(text: string, sort: string): KeysetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new AppError("bad_request", "Invalid cursor");
  }

  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    (parsed[1] !== null && typeof parsed[1] !== "string") ||
    typeof parsed[2] !== "string"
  ) {
    throw new AppError("bad_request", "Invalid cursor (it belongs to another sort order)");
  }
  return { sort, value: parsed[1] as string | null, id: parsed[2] };
}
