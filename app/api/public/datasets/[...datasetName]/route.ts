import { deleteDatasetRunRoute, getDatasetV1Route } from "../handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = getDatasetV1Route;
export const DELETE = deleteDatasetRunRoute;
