import { SpanStatusCode } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";

import { observe, shutdown, startTool } from "./index";
import {
  createTestClient,
  jsonAttribute,
  parentIdOf,
  type TestClient,
} from "./testing/test-client";

describe("observe", () => {
  let testClient: TestClient;

  afterEach(async () => {
    await shutdown();
  });

  describe("plain functions", () => {
    it("should record a sync call's arguments as input and its result as output", async () => {
      testClient = createTestClient();
      const add = observe((left: number, right: number) => left + right, { name: "add" });

      expect(add(2, 3)).toBe(5);

      const span = await testClient.exportedSpan("add");
      expect(span.attributes).toMatchObject({
        "sightline.type": "SPAN",
        "input.value": "[2,3]",
        "input.mime_type": "application/json",
        "output.value": "5",
        "output.mime_type": "application/json",
      });
    });

    it("should record one argument as itself and a string as plain text", async () => {
      testClient = createTestClient();
      const shout = observe((text: string) => text.toUpperCase(), { name: "shout", type: "CHAIN" });

      shout("hi");

      const span = await testClient.exportedSpan("shout");
      expect(span.attributes).toMatchObject({
        "sightline.type": "CHAIN",
        "input.value": "hi",
        "input.mime_type": "text/plain",
        "output.value": "HI",
      });
    });

    it("should end an async call when its promise settles", async () => {
      testClient = createTestClient();
      let release: (value: string) => void = () => undefined;
      const slow = observe(() => new Promise<string>((resolve) => (release = resolve)), {
        name: "slow",
      });

      const pending = slow();
      expect(await testClient.exportedSpans()).toHaveLength(0);
      release("done");

      expect(await pending).toBe("done");
      expect((await testClient.exportedSpan("slow")).attributes["output.value"]).toBe("done");
    });

    it("should rethrow the function's error unchanged and mark the span failed", async () => {
      testClient = createTestClient();
      const failure = new TypeError("bad input");
      const broken = observe(
        () => {
          throw failure;
        },
        { name: "broken" },
      );

      expect(() => broken()).toThrow(failure);

      const span = await testClient.exportedSpan("broken");
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "bad input" });
      expect(span.events.map((event) => event.name)).toEqual(["exception"]);
    });

    it("should pass a rejection through and mark the span failed", async () => {
      testClient = createTestClient();
      const rejecting = observe(async () => Promise.reject(new Error("timeout")), {
        name: "rejecting",
      });

      await expect(rejecting()).rejects.toThrow("timeout");
      expect((await testClient.exportedSpan("rejecting")).status.code).toBe(SpanStatusCode.ERROR);
    });

    it("should nest observations started inside the function", async () => {
      testClient = createTestClient();
      const child = observe(async () => "leaf", { name: "child" });
      const parent = observe(async () => child(), { name: "parent" });

      await parent();

      const spans = await testClient.exportedSpans();
      const parentSpan = spans.find((span) => span.name === "parent");
      const childSpan = spans.find((span) => span.name === "child");
      expect(parentIdOf(childSpan!)).toBe(parentSpan!.spanContext().spanId);
      expect(childSpan!.spanContext().traceId).toBe(parentSpan!.spanContext().traceId);
      expect(parentIdOf(parentSpan!)).toBeUndefined();
    });

    it("should keep `this` and the function name", async () => {
      testClient = createTestClient();
      const counter = {
        count: 1,
        increment: observe(function increment(this: { count: number }) {
          return ++this.count;
        }),
      };

      expect(counter.increment()).toBe(2);
      expect(counter.increment.name).toBe("increment");
      expect(await testClient.exportedSpan("increment")).toBeDefined();
    });

    it("should not capture input or output when asked not to", async () => {
      testClient = createTestClient();
      const secret = observe((password: string) => password.length, {
        name: "secret",
        captureInput: false,
        captureOutput: false,
      });

      secret("hunter2");

      const span = await testClient.exportedSpan("secret");
      expect(span.attributes["input.value"]).toBeUndefined();
      expect(span.attributes["output.value"]).toBeUndefined();
    });

    it("should write chat messages for a GENERATION", async () => {
      testClient = createTestClient();
      const answer = observe((question: string) => `You asked: ${question}`, {
        name: "answer",
        type: "GENERATION",
      });

      answer("why?");

      const span = await testClient.exportedSpan("answer");
      expect(span.attributes["gen_ai.operation.name"]).toBe("chat");
      expect(jsonAttribute(span, "gen_ai.input.messages")).toEqual([
        { role: "user", parts: [{ type: "text", content: "why?" }] },
      ]);
      expect(jsonAttribute(span, "gen_ai.output.messages")).toEqual([
        { role: "assistant", parts: [{ type: "text", content: "You asked: why?" }] },
      ]);
      expect(span.attributes["input.value"]).toBeUndefined();
    });

    it("should use the client created after the function was wrapped", async () => {
      const early = observe(() => "late init", { name: "early" });
      testClient = createTestClient();

      early();

      expect(await testClient.exportedSpan("early")).toBeDefined();
    });
  });

  describe("generators", () => {
    it("should end a sync generator's span when it completes, with the yields joined", async () => {
      testClient = createTestClient();
      const stream = observe(
        function* (words: string[]) {
          for (const word of words) yield `${word} `;
        },
        { name: "stream", type: "GENERATION" },
      );

      const iterator = stream(["a", "b"]);
      iterator.next();
      expect(await testClient.exportedSpans()).toHaveLength(0);
      expect([...iterator]).toEqual(["b "]);

      const span = await testClient.exportedSpan("stream");
      expect(jsonAttribute(span, "gen_ai.output.messages")).toEqual([
        { role: "assistant", parts: [{ type: "text", content: "a b " }] },
      ]);
    });

    it("should record a generator's return value over its yields", async () => {
      testClient = createTestClient();
      const counting = observe(
        function* () {
          yield 1;
          yield 2;
          return "finished";
        },
        { name: "counting" },
      );

      expect([...counting()]).toEqual([1, 2]);
      expect((await testClient.exportedSpan("counting")).attributes["output.value"]).toBe(
        "finished",
      );
    });

    it("should record non-string yields as a list and pass next() values through", async () => {
      testClient = createTestClient();
      const echo = observe(
        function* () {
          const received: unknown = yield { step: 1 };
          yield { received };
        },
        { name: "echo" },
      );

      const iterator = echo();
      iterator.next();
      expect(iterator.next("ping").value).toEqual({ received: "ping" });
      iterator.next();

      const span = await testClient.exportedSpan("echo");
      expect(jsonAttribute(span, "output.value")).toEqual([{ step: 1 }, { received: "ping" }]);
    });

    it("should parent spans started in an async generator to the generator's span", async () => {
      testClient = createTestClient();
      const agent = observe(
        async function* () {
          const tool = startTool({ name: "search" });
          await Promise.resolve();
          tool.end({ output: "found" });
          yield "token";
        },
        { name: "agent-stream", type: "AGENT" },
      );

      const chunks: string[] = [];
      for await (const chunk of agent()) chunks.push(chunk);

      expect(chunks).toEqual(["token"]);
      const spans = await testClient.exportedSpans();
      const streamSpan = spans.find((span) => span.name === "agent-stream");
      const toolSpan = spans.find((span) => span.name === "search");
      expect(parentIdOf(toolSpan!)).toBe(streamSpan!.spanContext().spanId);
      expect(streamSpan!.attributes["output.value"]).toBe("token");
    });

    it("should end the span and close the inner generator when the loop stops early", async () => {
      testClient = createTestClient();
      let closed = false;
      const endless = observe(
        function* () {
          try {
            for (let index = 0; ; index++) yield index;
          } finally {
            closed = true;
          }
        },
        { name: "endless" },
      );

      for (const value of endless()) if (value === 2) break;

      expect(closed).toBe(true);
      expect(jsonAttribute(await testClient.exportedSpan("endless"), "output.value")).toEqual([
        0, 1, 2,
      ]);
    });

    it("should mark the span failed when an async generator throws", async () => {
      testClient = createTestClient();
      const failing = observe(
        async function* () {
          yield "partial";
          throw new Error("stream cut");
        },
        { name: "failing-stream" },
      );

      const consume = async () => {
        for await (const _chunk of failing()) void _chunk;
      };
      await expect(consume()).rejects.toThrow("stream cut");

      const span = await testClient.exportedSpan("failing-stream");
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "stream cut" });
    });
  });
});
