// Regression: the list endpoints dropped what they did not know. GET /api/public/observations
// had no `level` (ERROR and DEFAULT rows came back alike) and no endpoint read Langfuse's
// `filter` JSON, so even `filter=garbage` answered 200 with every row. The fix parses `filter`
// into bound-parameter SQL, ANDs it with the plain parameters, and answers 400 to anything it
// cannot apply.
import { beforeAll, describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import { getJson, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

interface ObservationList {
  data: { id: string; level: string }[];
}

const RUN = newSpanId();
const traceId = newTraceId();
const [root, llm, tool] = [newSpanId(), newSpanId(), newSpanId()];

function filterParam(...conditions: object[]): string {
  return `filter=${encodeURIComponent(JSON.stringify(conditions))}`;
}

async function ids(path: string): Promise<string[]> {
  const reply = await getJson<ObservationList>(path);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.map((item) => item.id);
}

beforeAll(async () => {
  const sent = await postSpans([
    span(traceId, root, "", `agent-${RUN}`, 0, 3000, {
      attributes: [
        stringAttribute("user.id", `user-${RUN}`),
        stringAttribute("langfuse.environment", `prod-${RUN}`),
        stringAttribute("langfuse.observation.metadata.customer", `acme-${RUN}`),
      ],
    }),
    span(traceId, llm, root, "chat", 10, 1010, {
      attributes: [
        stringAttribute("langfuse.observation.level", "ERROR"),
        stringAttribute("langfuse.environment", `stage-${RUN}`),
        stringAttribute("gen_ai.request.model", "gpt-4o-mini"),
      ],
    }),
    span(traceId, tool, root, "search", 1100, 1200, {
      attributes: [stringAttribute("langfuse.observation.level", "WARNING")],
    }),
  ]);
  expect(sent.status).toBe(200);
});

describe.each([
  ["GET /api/public/observations", "/api/public/observations"],
  ["GET /api/public/v2/observations", "/api/public/v2/observations"],
])("%s filters", (_label, path) => {
  const list = (query: string) => ids(`${path}?traceId=${traceId}&${query}`);

  it("should keep only the level asked for", async () => {
    expect(await list("level=ERROR")).toEqual([llm]);

    const errors = await getJson<ObservationList>(`${path}?level=ERROR&limit=100`);
    expect(errors.body.data.length).toBeGreaterThan(0);
    expect(new Set(errors.body.data.map((item) => item.level))).toEqual(new Set(["ERROR"]));
  });

  it("should keep observations in any of repeated environments", async () => {
    expect(await list(`environment=prod-${RUN}&environment=stage-${RUN}`)).toEqual([llm, root]);
  });

  it.each([
    [
      "levels",
      [{ type: "stringOptions", column: "level", operator: "any of", value: ["ERROR", "WARNING"] }],
      [tool, llm],
    ],
    [
      "a name prefix and a start bound",
      [
        { type: "string", column: "name", operator: "starts with", value: "agent-" },
        { type: "datetime", column: "startTime", operator: ">=", value: "2000-01-01T00:00:00Z" },
      ],
      [root],
    ],
    [
      "levels to leave out",
      [
        {
          type: "stringOptions",
          column: "level",
          operator: "none of",
          value: ["ERROR", "WARNING"],
        },
      ],
      [root],
    ],
    [
      "a start time in the future",
      [{ type: "datetime", column: "startTime", operator: ">", value: "2999-01-01T00:00:00Z" }],
      [],
    ],
    [
      "a name suffix",
      [{ type: "string", column: "name", operator: "ends with", value: "arch" }],
      [tool],
    ],
    ["a latency", [{ type: "number", column: "latency", operator: ">", value: 0.5 }], [llm, root]],
    [
      "a metadata key",
      [
        {
          type: "stringObject",
          column: "metadata",
          key: "customer",
          operator: "=",
          value: `acme-${RUN}`,
        },
      ],
      [root],
    ],
    [
      "a missing parent",
      [{ type: "null", column: "parentObservationId", operator: "is null", value: "" }],
      [root],
    ],
    [
      "a present parent",
      [{ type: "null", column: "parentObservationId", operator: "is not null", value: "" }],
      [tool, llm],
    ],
    [
      "a model",
      [{ type: "string", column: "providedModelName", operator: "=", value: "gpt-4o-mini" }],
      [llm],
    ],
  ])("should apply a filter on %s", async (_name, conditions, expected) => {
    expect(await list(filterParam(...conditions))).toEqual(expected);
  });

  it("should AND a filter with the plain parameters", async () => {
    const levels = { type: "stringOptions", column: "level", operator: "any of", value: ["ERROR"] };

    expect(await list(`name=search&${filterParam(levels)}`)).toEqual([]);
    expect(await list(`name=chat&${filterParam(levels)}`)).toEqual([llm]);
  });

  it.each([
    ["garbage", "filter=garbage", /^Invalid filter: .*not valid JSON/],
    [
      "an unknown column",
      filterParam({ type: "string", column: "colour", operator: "=", value: "red" }),
      /^Invalid filter: condition 0 \(column "colour"\)/,
    ],
    [
      "an operator of another type",
      filterParam({ type: "number", column: "latency", operator: "contains", value: 1 }),
      /^Invalid filter: condition 0 \(column "latency"\): operator/,
    ],
  ])("should answer 400 to %s", async (_name, query, message) => {
    const reply = await getJson<{ error: string }>(`${path}?${query}`);

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(message);
  });
});

describe("GET /api/public/traces filters", () => {
  const user = `trace-user-${RUN}`;
  const [fast, slow] = [newTraceId(), newTraceId()];

  beforeAll(async () => {
    const sent = await postSpans([
      span(fast, newSpanId(), "", `fast-${RUN}`, 0, 100, {
        attributes: [
          stringAttribute("user.id", user),
          stringAttribute("session.id", `session-${RUN}`),
        ],
      }),
      span(slow, newSpanId(), "", `slow-${RUN}`, 0, 2500, {
        attributes: [
          stringAttribute("user.id", user),
          stringAttribute("langfuse.trace.tags", JSON.stringify([`tag-${RUN}`])),
          stringAttribute("langfuse.trace.metadata.tier", "gold"),
        ],
      }),
    ]);
    expect(sent.status).toBe(200);
  });

  const list = (query: string) => ids(`/api/public/traces?userId=${user}&${query}`);

  it.each([
    ["a latency", [{ type: "number", column: "latency", operator: ">=", value: 2 }], [slow]],
    [
      "tags",
      [{ type: "arrayOptions", column: "tags", operator: "any of", value: [`tag-${RUN}`] }],
      [slow],
    ],
    [
      "no tags of a list",
      [{ type: "arrayOptions", column: "tags", operator: "none of", value: [`tag-${RUN}`] }],
      [fast],
    ],
    [
      "all of a list of tags",
      [
        {
          type: "arrayOptions",
          column: "tags",
          operator: "all of",
          value: [`tag-${RUN}`, "other"],
        },
      ],
      [],
    ],
    [
      "all of no tags yet, which leaves every trace",
      [{ type: "arrayOptions", column: "tags", operator: "all of", value: [] }],
      [slow, fast],
    ],
    [
      "a metadata key",
      [{ type: "stringObject", column: "metadata", key: "tier", operator: "=", value: "gold" }],
      [slow],
    ],
    [
      "a name that does not contain a text",
      [{ type: "string", column: "name", operator: "does not contain", value: "fast" }],
      [slow],
    ],
    ["a name", [{ type: "string", column: "name", operator: "=", value: `fast-${RUN}` }], [fast]],
    [
      "a timestamp and an absent session",
      [
        { type: "datetime", column: "timestamp", operator: "<", value: "2999-01-01T00:00:00Z" },
        { type: "null", column: "sessionId", operator: "is null", value: "" },
      ],
      [slow],
    ],
    [
      "a present session",
      [{ type: "null", column: "sessionId", operator: "is not null", value: "" }],
      [fast],
    ],
    [
      "a timestamp in the future",
      [{ type: "datetime", column: "timestamp", operator: ">=", value: "2999-01-01T00:00:00Z" }],
      [],
    ],
  ])("should apply a filter on %s", async (_name, conditions, expected) => {
    expect(new Set(await list(filterParam(...conditions)))).toEqual(new Set(expected));
  });

  it("should AND a filter with the plain parameters", async () => {
    const slowName = { type: "string", column: "name", operator: "=", value: `slow-${RUN}` };

    expect(await list(filterParam(slowName))).toEqual([slow]);
    expect(await ids(`/api/public/traces?userId=nobody-${RUN}&${filterParam(slowName)}`)).toEqual(
      [],
    );
  });

  it.each([
    ["garbage", "filter=garbage", /^Invalid filter: .*not valid JSON/],
    [
      "an unknown column",
      filterParam({ type: "string", column: "startTime", operator: "=", value: "x" }),
      /^Invalid filter: condition 0 \(column "startTime"\): not a filterable column/,
    ],
    [
      "a number given as text",
      filterParam({ type: "number", column: "totalCost", operator: ">", value: "1" }),
      /^Invalid filter: condition 0 \(column "totalCost"\): value/,
    ],
  ])("should answer 400 to %s", async (_name, query, message) => {
    const reply = await getJson<{ error: string }>(`/api/public/traces?${query}`);

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(message);
  });
});
