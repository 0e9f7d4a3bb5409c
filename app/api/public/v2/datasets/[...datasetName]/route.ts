import { getDatasetRoute } from "../../../datasets/handlers";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = getDatasetRoute;

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
