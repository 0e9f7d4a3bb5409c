// The Langfuse-shaped read API over ingested traces: list filters and stable keyset pages,
// trace and observation detail, the OTLP export round trip, project isolation and bad params.
import { beforeAll, describe, expect, it } from "vitest";

import { attribute, stringAttribute } from "../../lib/otlp/test-builders";
import type { WireKeyValue, WireTraceRequest } from "../../lib/otlp/otlp-wire-schema";
import {
  AUTH,
  baseUrl,
  createOtherProject,
  getJson,
  nanos,
  newSpanId,
  newTraceId,
  postRequest,
  postSpans,
  span,
} from "./ingest-helpers";

interface TraceListReply {
  data: Array<Record<string, unknown> & { id: string }>;
  meta: {
    limit: number;
    nextCursor: string | null;
    page?: number;
    totalItems?: number;
    totalPages?: number;
  };
}

const RUN = newSpanId();

function listIds(reply: TraceListReply): string[] {
  return reply.data.map((trace) => trace.id);
}

async function list(query: string): Promise<TraceListReply> {
  const { status, body } = await getJson<TraceListReply>(`/api/public/traces?${query}`);
  expect(status).toBe(200);
  return body;
}

function tagged(...tags: string[]): WireKeyValue {
  return attribute("sightline.tags", {
    arrayValue: { values: tags.map((tag) => ({ stringValue: tag })) },
  });
}

describe("GET /api/public/traces", () => {
  const user = `user-${RUN}`;
  const [alpha, beta, other] = [newTraceId(), newTraceId(), newTraceId()];
  const [alphaRoot, alphaChild] = [newSpanId(), newSpanId()];
  let alphaScoreId = "";

  beforeAll(async () => {
    await postSpans([
      span(alpha, alphaChild, alphaRoot, "alpha-step", 100, 200),
      span(alpha, alphaRoot, "", "alpha", 0, 1500, {
        attributes: [
          stringAttribute("user.id", user),
          stringAttribute("session.id", `session-${RUN}`),
          stringAttribute("sightline.feature", `feature-${RUN}`),
          stringAttribute("sightline.environment", "production"),
          stringAttribute("sightline.release", `r-${RUN}`),
          stringAttribute("langfuse.observation.input", '{"q":"alpha?"}'),
          tagged(`a-${RUN}`, `b-${RUN}`),
        ],
      }),
      span(beta, newSpanId(), "", "beta", 1000, 1100, {
        attributes: [
          stringAttribute("user.id", user),
          stringAttribute("sightline.environment", "development"),
          tagged(`a-${RUN}`),
        ],
      }),
      span(other, newSpanId(), "", "alpha", 2000, 2100, {
        attributes: [stringAttribute("user.id", `someone-else-${RUN}`), tagged(`b-${RUN}`)],
      }),
    ]);
    const score = await fetch(`${baseUrl()}/api/public/scores`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({ traceId: alpha, name: "quality", value: 1 }),
    });
    expect(score.status).toBe(201);
    alphaScoreId = ((await score.json()) as { id: string }).id;
  });

  it("should list observation and score ids per trace, as Langfuse clients need", async () => {
    const reply = await list(`userId=${user}`);
    const [betaItem, alphaItem] = reply.data;

    expect(alphaItem).toMatchObject({ observations: [alphaRoot, alphaChild] });
    expect(alphaItem).toMatchObject({ scores: [alphaScoreId] });
    expect(betaItem).toMatchObject({ scores: [] });
    expect(betaItem?.observations).toHaveLength(1);
  });

  it("should list a user's traces newest first with Langfuse's fields", async () => {
    const reply = await list(`userId=${user}`);

    expect(listIds(reply)).toEqual([beta, alpha]);
    expect(reply.meta).toEqual({
      limit: 50,
      nextCursor: null,
      page: 1,
      totalItems: 2,
      totalPages: 1,
    });
    expect(reply.data[1]).toMatchObject({
      id: alpha,
      htmlPath: expect.stringMatching(new RegExp(`^/project/[^/]+/traces/${alpha}$`)),
      name: "alpha",
      timestamp: new Date(Number(BigInt(nanos(0)) / 1_000_000n)).toISOString(),
      startTimeNanos: nanos(0),
      latency: 1.5,
      userId: user,
      sessionId: `session-${RUN}`,
      feature: `feature-${RUN}`,
      environment: "production",
      release: `r-${RUN}`,
      input: { q: "alpha?" },
      level: "DEFAULT",
      observationCount: 2,
      missingParentCount: 0,
      totalCost: null,
    });
    expect([...(reply.data[1]?.tags as string[])].sort()).toEqual([`a-${RUN}`, `b-${RUN}`]);
  });

  it.each([
    ["every tag must match", `tags=a-${RUN}&tags=b-${RUN}`, () => [alpha]],
    ["one tag", `tags=b-${RUN}`, () => [other, alpha]],
    ["session", `sessionId=session-${RUN}`, () => [alpha]],
    ["name and user", `name=alpha&userId=user-${RUN}`, () => [alpha]],
    ["feature", `feature=feature-${RUN}`, () => [alpha]],
    ["release", `release=r-${RUN}`, () => [alpha]],
    ["environment", `environment=development&userId=user-${RUN}`, () => [beta]],
    ["no match", `userId=user-${RUN}&tags=b-${RUN}&environment=development`, () => []],
  ])("should filter by %s", async (_case, query, expected) => {
    expect(listIds(await list(query))).toEqual(expected());
  });

  it("should filter by time range, from inclusive and to exclusive", async () => {
    const at = (offsetMs: number) =>
      new Date(Number(BigInt(nanos(offsetMs)) / 1_000_000n)).toISOString();

    const reply = await list(
      `userId=${user}&fromTimestamp=${at(1000)}&toTimestamp=${encodeURIComponent(at(5000))}`,
    );
    const none = await list(`userId=${user}&fromTimestamp=${at(0)}&toTimestamp=${at(0)}`);

    expect(listIds(reply)).toEqual([beta]);
    expect(listIds(none)).toEqual([]);
  });

  it("should leave out input, output and metadata when fields omits io", async () => {
    const reply = await list(`userId=${user}&fields=core`);

    expect(reply.data[0]).not.toHaveProperty("input");
    expect(reply.data[0]).not.toHaveProperty("observations");
    expect(reply.data[0]).not.toHaveProperty("scores");
    expect(reply.data[0]).toHaveProperty("name", "beta");
  });
});

describe("trace list pagination", () => {
  const user = `pager-${RUN}`;
  const traceIds = Array.from({ length: 5 }, () => newTraceId());

  beforeAll(async () => {
    // Five traces that start at the same instant: only the trace id orders them.
    await postSpans(
      traceIds.map((traceId) =>
        span(traceId, newSpanId(), "", "same time", 3000, 3001, {
          attributes: [stringAttribute("user.id", user)],
        }),
      ),
    );
  });

  it("should page through identical timestamps without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let lastMeta: TraceListReply["meta"] | null = null;
    do {
      const reply = await list(
        `userId=${user}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...listIds(reply));
      cursor = reply.meta.nextCursor;
      lastMeta = reply.meta;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toEqual([...traceIds].sort().reverse());
    expect(lastMeta).toEqual({ limit: 2, nextCursor: null });
  });

  it("should accept Langfuse's page parameter and report totals", async () => {
    const reply = await list(`userId=${user}&limit=2&page=2`);

    expect(listIds(reply)).toEqual([...traceIds].sort().reverse().slice(2, 4));
    expect(reply.meta).toMatchObject({ totalItems: 5, totalPages: 3 });
  });
});

describe("read API refusals", () => {
  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["fromTimestamp=yesterday", "fromTimestamp"],
    ["page=0", "page"],
    ["cursor=not-a-cursor", "cursor"],
  ])("should answer 400 naming the parameter for %s", async (query, parameter) => {
    const { status, body } = await getJson<{ error: string }>(`/api/public/traces?${query}`);

    expect(status).toBe(400);
    expect(body.error).toContain(parameter);
  });

  it.each([
    "/api/public/traces",
    `/api/public/traces/${newTraceId()}`,
    `/api/public/observations/${newSpanId()}`,
  ])("should answer 401 without credentials on %s", async (path) => {
    const { status } = await getJson(path, "");

    expect(status).toBe(401);
  });

  it("should answer 404 with a JSON error for an unknown trace", async () => {
    const missing = newTraceId();

    expect(await getJson(`/api/public/traces/${missing}`)).toEqual({
      status: 404,
      body: { error: "Trace not found" },
    });
    expect((await getJson(`/api/public/traces/${missing}/otlp`)).status).toBe(404);
    expect((await getJson(`/api/public/observations/${newSpanId()}`)).status).toBe(404);
  });

  it.each([
    "/api/public/sessions/%E0%A4%A",
    "/api/public/traces/%ED%A0%80",
    "/project/any/sessions/%E0%A4%A",
  ])("should answer 400, not 500, for a path that is not UTF-8: %s", async (path) => {
    const response = await fetch(`${baseUrl()}${path}`, { headers: { authorization: AUTH } });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("not valid percent-encoded UTF-8");
  });

  it.each(["GET", "POST", "DELETE"])(
    "should answer %s on a path no endpoint serves with a JSON 404",
    async (method) => {
      const response = await fetch(`${baseUrl()}/api/public/nope/deeper`, {
        method,
        headers: { authorization: AUTH },
      });

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: "No API endpoint at /api/public/nope/deeper",
      });
    },
  );
});

describe("project isolation", () => {
  it("should hide another project's traces and keep same-id traces apart", async () => {
    const other = await createOtherProject(`isolation-${RUN}`);
    const traceId = newTraceId();
    const spanId = newSpanId();
    await postSpans([span(traceId, spanId, "", "ours", 0, 10)]);

    const asOther = (path: string) => getJson(path, other.auth);
    expect(await asOther(`/api/public/traces/${traceId}`)).toEqual({
      status: 404,
      body: { error: "Trace not found" },
    });
    expect((await asOther(`/api/public/traces/${traceId}/otlp`)).status).toBe(404);
    expect((await asOther(`/api/public/observations/${spanId}`)).status).toBe(404);
    expect((await asOther(`/api/public/traces?name=ours`)).body).toMatchObject({ data: [] });

    await postSpans([span(traceId, newSpanId(), "", "theirs", 0, 10)], { auth: other.auth });
    const ours = await getJson<{ name: string; observationCount: number }>(
      `/api/public/traces/${traceId}`,
    );
    const theirs = await asOther(`/api/public/traces/${traceId}`);
    expect(ours.body).toMatchObject({ name: "ours", observationCount: 1 });
    expect(theirs.body).toMatchObject({ name: "theirs", observationCount: 1 });
  });
});

describe("GET /api/public/observations/:id", () => {
  it("should return the raw span and its mapping report", async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const spanId = newSpanId();
    const linkedTrace = newTraceId();
    await postSpans([
      span(traceId, rootId, "", "root", 0, 100),
      span(traceId, spanId, rootId, "chat", 10, 60, {
        attributes: [
          stringAttribute("gen_ai.operation.name", "chat"),
          stringAttribute("gen_ai.request.model", "gpt-4o-mini"),
        ],
        events: [{ name: "first token", timeUnixNano: nanos(20), attributes: [] }],
        links: [{ traceId: linkedTrace, spanId: newSpanId(), attributes: [] }],
        kind: 3,
      }),
    ]);

    const { status, body } = await getJson<Record<string, unknown>>(
      `/api/public/observations/${spanId}`,
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: spanId,
      traceId,
      parentObservationId: rootId,
      type: "GENERATION",
      model: "gpt-4o-mini",
      kind: 3,
      attributes: [
        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
        { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
      ],
      resourceAttributes: [{ key: "service.name", value: { stringValue: "app" } }],
      scope: { name: "test-scope", version: "1.0.0" },
      events: [{ name: "first token", timeUnixNano: nanos(20) }],
      links: [{ traceId: linkedTrace }],
    });
    expect(body.mappingReport).toEqual(
      expect.arrayContaining([{ field: "type", source: "gen_ai.operation.name" }]),
    );
  });

  it("should ask for traceId when a span id occurs in two traces", async () => {
    const spanId = newSpanId();
    const [first, second] = [newTraceId(), newTraceId()];
    await postSpans([span(first, spanId, "", "one", 0, 1), span(second, spanId, "", "two", 0, 1)]);

    const ambiguous = await getJson<{ error: string; details: { traceIds: string[] } }>(
      `/api/public/observations/${spanId}`,
    );
    const chosen = await getJson<{ name: string }>(
      `/api/public/observations/${spanId}?traceId=${second}`,
    );

    expect(ambiguous.status).toBe(409);
    expect([...ambiguous.body.details.traceIds].sort()).toEqual([first, second].sort());
    expect(chosen.body.name).toBe("two");
  });
});

describe("GET /api/public/traces/:id/otlp", () => {
  it("should export the trace equal to what was sent", async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const request = buildRichRequest(traceId, rootId);

    const response = await postRequest(request, { format: "protobuf" });
    const { status, body } = await getJson<WireTraceRequest>(`/api/public/traces/${traceId}/otlp`);

    expect(response.status).toBe(200);
    expect(status).toBe(200);
    expect(body.resourceSpans).toHaveLength(2);
    expect(normalizeExport(body)).toEqual(normalizeExport(request));
  });
});

/** Two resources, every AnyValue kind, events, links, dropped counts, state, flags, status. */
function buildRichRequest(traceId: string, rootId: string): WireTraceRequest {
  const every: WireKeyValue[] = [
    stringAttribute("s", "text ✓"),
    attribute("b", { boolValue: true }),
    attribute("i", { intValue: "9007199254740993" }),
    attribute("d", { doubleValue: 0.25 }),
    attribute("bytes", { bytesValue: "AAEC/w==" }),
    attribute("list", { arrayValue: { values: [{ stringValue: "x" }, { intValue: "2" }] } }),
    attribute("map", { kvlistValue: { values: [stringAttribute("nested", "y")] } }),
  ];
  const resource = (service: string) => ({
    resource: { attributes: [stringAttribute("service.name", service)], droppedAttributesCount: 1 },
    schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
  });
  return {
    resourceSpans: [
      {
        ...resource("frontend"),
        scopeSpans: [
          {
            scope: { name: "web", version: "2.0.0", attributes: every.slice(0, 1) },
            schemaUrl: "https://example.com/scope",
            spans: [
              span(traceId, rootId, "", "GET /ask", 0, 900, {
                kind: 2,
                traceState: "vendor=abc",
                flags: 257,
                attributes: every,
                droppedAttributesCount: 3,
                droppedEventsCount: 1,
                droppedLinksCount: 2,
                status: { code: 1, message: "" },
                events: [
                  { name: "started", timeUnixNano: nanos(1), attributes: every.slice(1, 3) },
                ],
              }),
            ],
          },
        ],
      },
      {
        ...resource("worker"),
        scopeSpans: [
          {
            scope: { name: "jobs", version: "" },
            spans: [
              span(traceId, newSpanId(), rootId, "job", 100, 800, {
                kind: 4,
                status: { code: 2, message: "job failed" },
                links: [
                  {
                    traceId: newTraceId(),
                    spanId: newSpanId(),
                    traceState: "k=v",
                    attributes: [stringAttribute("link.kind", "follows")],
                    droppedAttributesCount: 1,
                    flags: 1,
                  },
                ],
              }),
            ],
          },
        ],
      },
    ],
  };
}

/** One flat entry per span with every OTLP default filled in, sorted by span id. */
function normalizeExport(request: WireTraceRequest) {
  const entries = (request.resourceSpans ?? []).flatMap((resourceSpans) =>
    (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((item) => ({
        resource: {
          attributes: resourceSpans.resource?.attributes ?? [],
          droppedAttributesCount: Number(resourceSpans.resource?.droppedAttributesCount ?? 0),
          schemaUrl: resourceSpans.schemaUrl ?? "",
        },
        scope: {
          name: scopeSpans.scope?.name ?? "",
          version: scopeSpans.scope?.version ?? "",
          attributes: scopeSpans.scope?.attributes ?? [],
          droppedAttributesCount: Number(scopeSpans.scope?.droppedAttributesCount ?? 0),
          schemaUrl: scopeSpans.schemaUrl ?? "",
        },
        span: {
          traceId: item.traceId,
          spanId: item.spanId,
          parentSpanId: item.parentSpanId ?? "",
          traceState: item.traceState ?? "",
          flags: Number(item.flags ?? 0),
          name: item.name,
          kind: Number(item.kind ?? 0),
          startTimeUnixNano: String(item.startTimeUnixNano),
          endTimeUnixNano: String(item.endTimeUnixNano),
          attributes: item.attributes ?? [],
          droppedAttributesCount: Number(item.droppedAttributesCount ?? 0),
          events: (item.events ?? []).map((event) => ({
            droppedAttributesCount: 0,
            attributes: [],
            ...event,
            timeUnixNano: String(event.timeUnixNano),
          })),
          droppedEventsCount: Number(item.droppedEventsCount ?? 0),
          links: (item.links ?? []).map((link) => ({
            traceState: "",
            attributes: [],
            droppedAttributesCount: 0,
            flags: 0,
            ...link,
          })),
          droppedLinksCount: Number(item.droppedLinksCount ?? 0),
          status: { code: Number(item.status?.code ?? 0), message: item.status?.message ?? "" },
        },
      })),
    ),
  );
  return entries.sort((left, right) =>
    String(left.span.spanId).localeCompare(String(right.span.spanId)),
  );
}
