import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";
import packageJson from "@/package.json";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

// GET /api/public/health -> Langfuse's health shape {status: "OK", version}; 503 without a database
export async function GET() {
  const database = await checkDatabase();
  if (!database.ok) {
    return NextResponse.json(
      { status: "Database not available", version: packageJson.version },
      { status: 503 },
    );
  }
  return NextResponse.json({ status: "OK", version: packageJson.version });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
