// Text Postgres cannot hold (NUL characters, unpaired surrogates) in a URL or a JSON body is
// refused with a 400 naming where it is, never a 500; pages given such ids show "not found".
import { describe, expect, it } from "vitest";

import { TEST_USER } from "../setup/test-env";
import { SessionClient } from "../setup/session-client";
import { AUTH, baseUrl, getJson, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

async function send(method: string, path: string, rawBody?: string) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: rawBody,
  });
  const text = await response.text();
  return { status: response.status, text };
}

describe("unstorable text in requests", () => {
  it.each([
    ["GET", "/api/public/traces/%00", undefined, /path segment/],
    ["GET", "/api/public/traces?userId=%00", undefined, /userId/],
    ["GET", "/api/public/observations?name=%00", undefined, /name/],
    ["GET", "/api/public/scores?name=%00", undefined, /name/],
    ["GET", "/api/public/sessions/%00", undefined, /path segment/],
    ["GET", "/api/public/v2/datasets/%00", undefined, /path segment/],
    ["POST", "/api/public/scores", '{"traceId":"t1","name":"a\\u0000b","value":1}', /name/],
    [
      "POST",
      "/api/public/scores",
      '{"traceId":"t1","name":"ok","value":1,"metadata":{"k":"\\ud800"}}',
      /metadata\.k/,
    ],
    ["POST", "/api/public/annotation-queues", '{"name":"q\\u0000"}', /name/],
    ["POST", "/api/public/dataset-items", '{"datasetName":"d","input":"cut \\ud83d"}', /input/],
    ["POST", "/api/public/ingestion", '{"batch":[{"id":"e\\u0000","type":"sdk-log"}]}', /batch/],
  ])("%s %s is a 400 naming the place", async (method, path, body, place) => {
    const reply = await send(method, path, body);
    expect(reply.status).toBe(400);
    expect((JSON.parse(reply.text) as { error: string }).error).toMatch(place);
  });

  it("keeps pages working: an unstorable filter is noted and ignored, an id is a 404", async () => {
    const client = new SessionClient(baseUrl());
    expect(await client.signIn(TEST_USER.email, TEST_USER.password)).toBe(true);
    const projects = await getJson<{ data: { id: string }[] }>("/api/public/projects");
    const projectId = projects.body.data[0]!.id;
    // The list shows its filters once the project has a trace.
    expect((await postSpans([span(newTraceId(), newSpanId(), "", "any", 0, 1)])).status).toBe(200);

    const filtered = await client.request(`/project/${projectId}/traces?user=%00`);
    expect(filtered.status).toBe(200);
    expect(await filtered.text()).toMatch(/Ignored an invalid filter/);
    const users = await client.request(`/project/${projectId}/sessions?user=%00`);
    expect(users.status).toBe(200);
    for (const page of [`traces/%00`, `sessions/%00`]) {
      const response = await client.request(`/project/${projectId}/${page}`);
      expect(response.status, page).toBe(404);
    }
  });
});
