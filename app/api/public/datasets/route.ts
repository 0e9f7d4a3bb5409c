import { listDatasetsRoute, upsertDatasetRoute } from "./handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = listDatasetsRoute;
export const POST = upsertDatasetRoute;
