import { describe, expect, it } from "vitest";

import { normalizeChatMessages, readToolCallList } from "./messages";

describe("normalizeChatMessages", () => {
  it.each<[string, unknown]>([
    ["not an array", { role: "user" }],
    ["an empty array", []],
    ["items without a role", [{ content: "x" }]],
    ["a role that is not text", [{ role: 1, content: "x" }]],
    ["a mix of messages and strings", [{ role: "user", content: "x" }, "y"]],
  ])("should give null for %s", (_label, value) => {
    expect(normalizeChatMessages(value)).toBeNull();
  });

  it.each<[string, unknown, unknown]>([
    [
      "OpenAI messages with tool calls",
      [
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "a", type: "function", function: { name: "f", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "a", content: "result" },
      ],
      [
        { role: "assistant", content: null, tool_calls: [{ id: "a", name: "f", arguments: "{}" }] },
        { role: "tool", content: "result", tool_call_id: "a" },
      ],
    ],
    [
      "OpenAI content parts",
      [
        {
          role: "user",
          content: [
            { type: "text", text: "see" },
            { type: "image_url", image_url: { url: "u" } },
          ],
        },
      ],
      [
        {
          role: "user",
          content: [
            { type: "text", text: "see" },
            { type: "image_url", image_url: { url: "u" } },
          ],
        },
      ],
    ],
    [
      "GenAI parts with reasoning kept",
      [
        {
          role: "assistant",
          parts: [
            { type: "reasoning", content: "hmm" },
            { type: "text", content: "ok" },
          ],
        },
      ],
      [
        {
          role: "assistant",
          content: [
            { type: "reasoning", content: "hmm" },
            { type: "text", text: "ok" },
          ],
        },
      ],
    ],
    [
      "Anthropic tool_use and tool_result",
      [
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "t", name: "calc", input: { x: 1 } }],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "t", content: "2" }] },
      ],
      [
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "t", name: "calc", arguments: { x: 1 } }],
        },
        { role: "tool", content: "2", tool_call_id: "t" },
      ],
    ],
    [
      "text beside a tool result",
      [
        {
          role: "user",
          content: [
            { type: "text", text: "and" },
            { type: "tool_result", tool_use_id: "t", content: "2" },
          ],
        },
      ],
      [
        { role: "user", content: "and" },
        { role: "tool", content: "2", tool_call_id: "t" },
      ],
    ],
    // Regression (opensearch-project/agent-health#319): Strands Agents send Bedrock Converse
    // blocks, keyed by kind with no `type`; their text and tool calls were shown as raw objects.
    [
      "Bedrock Converse blocks",
      [
        { role: "user", content: [{ text: "2+3?" }] },
        {
          role: "assistant",
          content: [
            { text: "Calculating." },
            { toolUse: { toolUseId: "t", name: "calc", input: { expression: "2+3" } } },
          ],
        },
        {
          role: "user",
          content: [
            { toolResult: { toolUseId: "t", status: "success", content: [{ text: "5" }] } },
          ],
        },
        { role: "user", content: [{ json: { kept: true } }] },
      ],
      [
        { role: "user", content: "2+3?" },
        {
          role: "assistant",
          content: "Calculating.",
          tool_calls: [{ id: "t", name: "calc", arguments: { expression: "2+3" } }],
        },
        { role: "tool", content: "5", tool_call_id: "t" },
        { role: "user", content: [{ json: { kept: true } }] },
      ],
    ],
    [
      "a name",
      [{ role: "user", name: "alice", content: "hi" }],
      [{ role: "user", name: "alice", content: "hi" }],
    ],
    ["missing content", [{ role: "assistant" }], [{ role: "assistant", content: null }]],
  ])("should rebuild %s", (_label, value, expected) => {
    expect(normalizeChatMessages(value)).toEqual(expected);
  });
});

describe("readToolCallList", () => {
  it.each<[unknown, unknown]>([
    [null, []],
    ["x", []],
    [[null, 1], []],
    [
      [{ toolCallId: "v", toolName: "n", args: { a: 1 } }],
      [{ id: "v", name: "n", arguments: { a: 1 } }],
    ],
    [[{ id: "f", name: "flat", arguments: "{}" }], [{ id: "f", name: "flat", arguments: "{}" }]],
    [[{}], [{ id: null, name: "", arguments: null }]],
  ])("should read %j", (value, expected) => {
    expect(readToolCallList(value)).toEqual(expected);
  });
});
