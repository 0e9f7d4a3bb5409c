import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { publicBaseUrl, requestMediaUpload } from "@/lib/media/media-store";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/public/media { traceId, observationId?, contentType, contentLength, sha256Hash,
//   field } -> { uploadUrl (null when already stored), mediaId }
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const body = await readJson(request);
  return NextResponse.json(
    await requestMediaUpload(principal.projectId, body, publicBaseUrl(request)),
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
