import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/http/app-error";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { ingestBatch, MAX_INGESTION_BODY_BYTES } from "@/lib/scores/ingestion-batch";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/public/ingestion {batch: [{id, type, timestamp, body}]} -> 207 {successes, errors}
// Langfuse's batch endpoint: score-create events become scores (how Langfuse clients send them).
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_INGESTION_BODY_BYTES) {
    throw new AppError(
      "payload_too_large",
      `Request body is over ${MAX_INGESTION_BODY_BYTES} bytes: send smaller batches`,
    );
  }
  const result = await ingestBatch(principal, await readJson(request));
  return NextResponse.json(result, { status: 207 });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
