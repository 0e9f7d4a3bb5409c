import { getDatasetRoute } from "../../../datasets/handlers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = getDatasetRoute;
