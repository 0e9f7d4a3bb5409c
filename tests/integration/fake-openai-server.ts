// A fake OpenAI-compatible API for driving real client libraries and their instrumentations in
// tests: chat completions (plain, JSON mode, one tool-call round, streaming with usage) and
// embeddings, with fixed, known token counts. No real model is reachable from the test machine.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Usage the fake reports for a chat call before any tool result was sent back. */
export const FIRST_CHAT_USAGE = { prompt: 50, completion: 12, cached: 20, reasoning: 4 };
/** Usage the fake reports once the conversation carries a tool result. */
export const SECOND_CHAT_USAGE = { prompt: 80, completion: 9, cached: 0, reasoning: 0 };
/** Tokens the fake counts per embedded text. */
export const TOKENS_PER_EMBEDDED_TEXT = 4;

/** A chat model the fake answers with 503 Overloaded. */
export const FAILING_MODEL = "overloaded-model";

export const TOOL_ARGUMENTS = { city: "Paris" };
export const FINAL_ANSWER = "It is sunny in Paris.";
export const JSON_ANSWER = { city: "Paris", temperature: 21 };

interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: Array<{ role: string }>;
  tools?: Array<{ function: { name: string } }>;
  response_format?: { type: string };
}

interface ChatReply {
  content: string | null;
  toolCall: { id: string; name: string; arguments: string } | null;
  usage: typeof FIRST_CHAT_USAGE;
}

export interface FakeOpenAiServer {
  /** Base URL including `/v1`, as OpenAI clients expect it. */
  baseUrl: string;
  requests: Array<{ path: string; body: unknown }>;
  close(): Promise<void>;
}

/** Starts the fake on a free local port. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: FakeOpenAiServer["requests"] = [];
  const server = createServer((request, response) => {
    void handle(request, response, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => closeServer(server),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  requests: FakeOpenAiServer["requests"],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  const path = request.url ?? "";
  requests.push({ path, body });

  if (path.endsWith("/chat/completions")) {
    const chat = body as ChatRequest;
    if (chat.model === FAILING_MODEL) {
      sendJson(
        response,
        { error: { message: "The server is overloaded", type: "server_error" } },
        503,
      );
      return;
    }
    const reply = chooseReply(chat);
    if (chat.stream) streamChat(response, chat, reply);
    else sendJson(response, chatCompletion(chat, reply));
    return;
  }
  if (path.endsWith("/responses")) {
    sendJson(response, responsesReply(body as { model: string }));
    return;
  }
  if (path.endsWith("/embeddings")) {
    sendJson(response, embeddings(body as { model: string; input: string | string[] }));
    return;
  }
  sendJson(response, { error: { message: `no route ${path}` } }, 404);
}

function chooseReply(chat: ChatRequest): ChatReply {
  const hasToolResult = chat.messages.some((message) => message.role === "tool");
  const tool = chat.tools?.[0];
  if (tool && !hasToolResult) {
    return {
      content: null,
      toolCall: {
        id: "call_weather_1",
        name: tool.function.name,
        arguments: JSON.stringify(TOOL_ARGUMENTS),
      },
      usage: FIRST_CHAT_USAGE,
    };
  }
  const isJson = chat.response_format?.type?.startsWith("json") ?? false;
  return {
    content: isJson ? JSON.stringify(JSON_ANSWER) : FINAL_ANSWER,
    toolCall: null,
    usage: hasToolResult ? SECOND_CHAT_USAGE : FIRST_CHAT_USAGE,
  };
}

/** The response model is the dated snapshot of the requested alias, as OpenAI answers. */
function responseModel(model: string): string {
  return `${model}-2024-07-18`;
}

function usageObject(usage: ChatReply["usage"]) {
  return {
    prompt_tokens: usage.prompt,
    completion_tokens: usage.completion,
    total_tokens: usage.prompt + usage.completion,
    prompt_tokens_details: { cached_tokens: usage.cached },
    completion_tokens_details: { reasoning_tokens: usage.reasoning },
  };
}

function chatCompletion(chat: ChatRequest, reply: ChatReply) {
  return {
    id: "chatcmpl-fake-1",
    object: "chat.completion",
    created: 1_700_000_000,
    model: responseModel(chat.model),
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: reply.content,
          ...(reply.toolCall
            ? {
                tool_calls: [
                  {
                    id: reply.toolCall.id,
                    type: "function",
                    function: { name: reply.toolCall.name, arguments: reply.toolCall.arguments },
                  },
                ],
              }
            : {}),
        },
        finish_reason: reply.toolCall ? "tool_calls" : "stop",
      },
    ],
    usage: usageObject(reply.usage),
  };
}

function streamChat(response: ServerResponse, chat: ChatRequest, reply: ChatReply): void {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const base = {
    id: "chatcmpl-fake-stream",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: responseModel(chat.model),
  };
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  const delta = (value: Record<string, unknown>, finishReason: string | null = null) =>
    send({ ...base, choices: [{ index: 0, delta: value, finish_reason: finishReason }] });

  delta({ role: "assistant", content: "" });
  if (reply.toolCall) {
    const { id, name, arguments: args } = reply.toolCall;
    delta({
      tool_calls: [{ index: 0, id, type: "function", function: { name, arguments: "" } }],
    });
    delta({ tool_calls: [{ index: 0, function: { arguments: args } }] });
    delta({}, "tool_calls");
  } else {
    // Split the answer in two chunks so that clients must assemble it.
    const text = reply.content ?? "";
    const middle = Math.floor(text.length / 2);
    delta({ content: text.slice(0, middle) });
    delta({ content: text.slice(middle) });
    delta({}, "stop");
  }
  send({ ...base, choices: [], usage: usageObject(reply.usage) });
  response.end("data: [DONE]\n\n");
}

/** A Responses API answer (non-streaming) with the first-call usage. */
function responsesReply(request: { model: string }) {
  const usage = FIRST_CHAT_USAGE;
  return {
    id: "resp_fake_1",
    object: "response",
    created_at: 1_700_000_000,
    status: "completed",
    model: responseModel(request.model),
    output: [
      {
        type: "message",
        id: "msg_fake_1",
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", text: FINAL_ANSWER, annotations: [] }],
      },
    ],
    usage: {
      input_tokens: usage.prompt,
      output_tokens: usage.completion,
      total_tokens: usage.prompt + usage.completion,
      input_tokens_details: { cached_tokens: usage.cached },
      output_tokens_details: { reasoning_tokens: usage.reasoning },
    },
  };
}

function embeddings(request: { model: string; input: string | string[] }) {
  const inputs = Array.isArray(request.input) ? request.input : [request.input];
  const tokens = inputs.length * TOKENS_PER_EMBEDDED_TEXT;
  return {
    object: "list",
    model: request.model,
    data: inputs.map((_, index) => ({ object: "embedding", index, embedding: [0.1, 0.2, 0.3] })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
