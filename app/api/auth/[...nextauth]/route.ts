import { handlers } from "@/lib/auth/auth";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const { GET, POST } = handlers;

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
