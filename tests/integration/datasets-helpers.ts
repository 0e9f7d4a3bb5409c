// Helpers for the datasets tests: JSON calls on the public API with the test key, and the
// bootstrap project's id.
import { AUTH, baseUrl } from "./ingest-helpers";

export interface PublicDatasetItem {
  id: string;
  status: "ACTIVE" | "ARCHIVED";
  input: unknown;
  expectedOutput: unknown;
  metadata: unknown;
  sourceTraceId: string | null;
  sourceObservationId: string | null;
  datasetId: string;
  datasetName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Paged<T> {
  data: T[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

/** A JSON request on the public API; the status and the parsed body. */
export async function send<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  auth: string = AUTH,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The id of the project the test key belongs to. */
export async function testProjectId(): Promise<string> {
  const { body } = await send<{ data: Array<{ id: string }> }>("GET", "/api/public/projects");
  const id = body.data[0]?.id;
  if (!id) throw new Error("the test key has no project");
  return id;
}
