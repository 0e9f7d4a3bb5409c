import { rejectOtherMethods } from "@/lib/http/other-methods";

import { GET } from "../../metrics/route";

export const dynamic = "force-dynamic";

// GET /api/public/v2/metrics?query=<JSON>: Langfuse's v2 path for the same metrics query (its
// clients call it); a view this API does not know is refused naming the field.
export { GET };

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
