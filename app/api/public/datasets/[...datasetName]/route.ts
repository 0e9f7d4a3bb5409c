import { deleteDatasetRunRoute, getDatasetV1Route } from "../handlers";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = getDatasetV1Route;
export const DELETE = deleteDatasetRunRoute;

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
