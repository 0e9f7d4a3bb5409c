import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { getMediaRecord, publicBaseUrl, recordMediaUploadStatus } from "@/lib/media/media-store";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/media/:mediaId -> { mediaId, contentType, contentLength, uploadedAt, url,
//   urlExpiry }
export const GET = handleRoute<{ mediaId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { mediaId } = await params;
  return NextResponse.json(
    await getMediaRecord(principal.projectId, mediaId, publicBaseUrl(request)),
  );
});

// PATCH /api/public/media/:mediaId { uploadedAt, uploadHttpStatus, uploadHttpError?,
//   uploadTimeMs? } -> 204
export const PATCH = handleRoute<{ mediaId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { mediaId } = await params;
  await recordMediaUploadStatus(principal.projectId, mediaId, await readJson(request));
  return new Response(null, { status: 204 });
});

export const { POST, PUT, DELETE, OPTIONS } = rejectOtherMethods({ GET, PATCH });
