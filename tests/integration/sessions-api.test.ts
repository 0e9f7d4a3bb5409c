// GET /api/public/sessions and /api/public/sessions/{id}: Langfuse's session list and read.
import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import { getJson, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

describe("public sessions API", () => {
  it("lists a session once and reads it with its traces in time order", async () => {
    const sessionId = `chat/${randomBytes(4).toString("hex")}`;
    const [first, second] = [newTraceId(), newTraceId()];
    const withSession = { attributes: [stringAttribute("session.id", sessionId)] };
    expect(
      (
        await postSpans([
          span(second, newSpanId(), "", "turn 2", 500, 600, withSession),
          span(first, newSpanId(), "", "turn 1", 0, 100, withSession),
        ])
      ).status,
    ).toBe(200);

    type Session = { id: string; environment: string | null };
    const list = await getJson<{ data: Session[]; meta: { totalItems: number } }>(
      "/api/public/sessions?limit=100",
    );
    expect(list.status).toBe(200);
    const listed = list.body.data.filter((session) => session.id === sessionId);
    expect(listed).toHaveLength(1);

    const read = await getJson<Session & { traces: { id: string; environment: string | null }[] }>(
      `/api/public/sessions/${encodeURIComponent(sessionId)}`,
    );
    expect(read.status).toBe(200);
    expect(read.body.traces.map((trace) => trace.id)).toEqual([first, second]);

    // Regression: a session reported environment "default" while its traces, which have none,
    // reported null; a session now reports what its traces store.
    expect(read.body.traces.map((trace) => trace.environment)).toEqual([null, null]);
    expect(read.body.environment).toBeNull();
    expect(listed[0]?.environment).toBeNull();

    const missing = await getJson<{ error: string }>("/api/public/sessions/no-such-session");
    expect(missing.status).toBe(404);
    const bad = await getJson<{ error: string }>("/api/public/sessions?fromTimestamp=soon");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/fromTimestamp/);
  });
});
