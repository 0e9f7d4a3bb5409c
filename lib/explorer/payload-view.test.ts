import { describe, expect, it } from "vitest";

import { payloadSummaryText, readPayloadView } from "./payload-view";

describe("readPayloadView", () => {
  it.each([
    { name: "null", value: null, kind: "empty" },
    { name: "plain text", value: "hello **world**", kind: "text" },
    { name: "a chat", value: [{ role: "user", content: "hi" }], kind: "chat" },
    { name: "a chat as JSON text", value: '[{"role":"user","content":"hi"}]', kind: "chat" },
    {
      name: "a messages object",
      value: { messages: [{ role: "user", content: "x" }] },
      kind: "chat",
    },
    { name: "one assistant message", value: { role: "assistant", content: "ok" }, kind: "chat" },
    {
      name: "retrieved documents",
      value: [{ id: "d1", content: "text", score: 0.5 }],
      kind: "documents",
    },
    { name: "embedding inputs", value: ["a", "b"], kind: "texts" },
    {
      name: "a truncation marker",
      value: { __truncated: true, originalSize: 5_000_000, preview: "[{" },
      kind: "truncated",
    },
    { name: "other JSON", value: { temperature: 0.2 }, kind: "json" },
    { name: "JSON-looking text that does not parse", value: "{not json", kind: "text" },
  ])("should read $name as $kind", ({ value, kind }) => {
    expect(readPayloadView(value).kind).toBe(kind);
  });

  it("should read tool calls, tool results and image parts of a chat", () => {
    const view = readPayloadView([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Lisbon"}' }],
      },
      { role: "tool", tool_call_id: "c1", content: '{"temperatureC":18}' },
      {
        role: "user",
        content: [
          { type: "text", text: "look" },
          { type: "image_url", image_url: { url: "https://example.com/x.png" } },
        ],
      },
    ]);
    expect(view).toEqual({
      kind: "chat",
      messages: [
        {
          role: "assistant",
          name: null,
          toolCallId: null,
          parts: [],
          toolCalls: [{ id: "c1", name: "get_weather", arguments: { city: "Lisbon" } }],
        },
        {
          role: "tool",
          name: null,
          toolCallId: "c1",
          parts: [{ type: "text", text: '{"temperatureC":18}' }],
          toolCalls: [],
        },
        {
          role: "user",
          name: null,
          toolCallId: null,
          parts: [
            { type: "text", text: "look" },
            { type: "image", url: "https://example.com/x.png" },
          ],
          toolCalls: [],
        },
      ],
    });
  });
});

describe("payloadSummaryText", () => {
  it("should take the last message of the asked role", () => {
    const chat = [
      { role: "system", content: "be brief" },
      { role: "user", content: "first" },
      { role: "assistant", content: "answer" },
      { role: "user", content: "second" },
    ];
    expect(payloadSummaryText(chat, "user")).toBe("second");
    expect(payloadSummaryText(chat, "assistant")).toBe("answer");
    expect(payloadSummaryText("plain")).toBe("plain");
    expect(payloadSummaryText(null)).toBe(null);
  });
});
