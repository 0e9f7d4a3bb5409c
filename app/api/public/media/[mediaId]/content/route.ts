import { handleRoute } from "@/lib/http/handle-route";
import {
  mediaContentResponse,
  receiveMediaUpload,
  requireDownloadGrant,
} from "@/lib/media/media-store";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// PUT /api/public/media/:mediaId/content?project&expires&signature <bytes> -> 200
// The upload URL POST /api/public/media hands out: the signature is the credential.
export const PUT = handleRoute<{ mediaId: string }>(async (request, { params }) => {
  const { mediaId } = await params;
  await receiveMediaUpload(mediaId, request);
  return new Response(null, { status: 200 });
});

// GET /api/public/media/:mediaId/content?project&expires&signature -> the file
export const GET = handleRoute<{ mediaId: string }>(async (request, { params }) => {
  const { mediaId } = await params;
  const projectId = requireDownloadGrant(mediaId, new URL(request.url).searchParams);
  return mediaContentResponse(projectId, mediaId);
});

export const { POST, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, PUT });
