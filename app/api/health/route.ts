import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";
import packageJson from "@/package.json";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

// GET /api/health
export async function GET() {
  const database = await checkDatabase();
  if (!database.ok) {
    return NextResponse.json(
      { status: "error", db: "unreachable", reason: database.reason, version: packageJson.version },
      { status: 503 },
    );
  }
  return NextResponse.json({ status: "ok", db: "ok", version: packageJson.version });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
