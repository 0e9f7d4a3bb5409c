import { listDatasetsRoute, upsertDatasetRoute } from "./handlers";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = listDatasetsRoute;
export const POST = upsertDatasetRoute;

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
