import type {
  EndObservationOptions,
  Observation,
  ObservationParent,
  RetrievedDocument,
  SightlineClient,
} from "../../sdk/src/index";

import { CHAT_MODELS, EMBEDDING_MODEL, type ChatModelName } from "./catalog";
import type { DemoStats } from "./demo-stats";
import {
  simulateChat,
  simulateEmbedding,
  type CacheHint,
  type PromptMessage,
  type SimulatedCall,
} from "./local-model";
import type { SeededRandom } from "./random";

/** One model call of a workload; the text is what the stand-in model answers. */
export interface GenerationStep {
  name: string;
  parent: ObservationParent;
  model: ChatModelName;
  messages: PromptMessage[];
  text: string;
  cache?: CacheHint;
  finishReason?: SimulatedCall["finishReason"];
  modelParameters?: Record<string, unknown>;
  /** Added to the simulated latency (the slow outlier). */
  extraLatencyMs?: number;
}

/**
 * Builds one trace on a simulated clock: every span gets explicit start and end times from a
 * cursor that moves by simulated latencies, so a run spread over days takes seconds. Each step
 * yields to the event loop, letting concurrent traces interleave and the exporter send.
 */
export class TraceBuilder {
  private cursorMs: number;

  constructor(
    readonly client: SightlineClient,
    readonly random: SeededRandom,
    startTime: Date,
    private readonly stats: DemoStats,
    private readonly rateLimitProbability: number,
  ) {
    this.cursorMs = startTime.getTime();
  }

  /** The simulated time. */
  get now(): Date {
    return new Date(this.cursorMs);
  }

  /** Lets simulated time pass (a user thinking, a backoff). */
  wait(milliseconds: number): void {
    this.cursorMs += Math.max(0, Math.round(milliseconds));
  }

  /** Starts an observation now; `start` receives the start time to pass to the SDK. */
  open<T extends Observation>(start: (startTime: Date) => T): T {
    this.stats.spans += 1;
    const observation = start(this.now);
    this.wait(this.random.int(1, 4));
    return observation;
  }

  /** Ends an observation after `durationMs` of simulated work. */
  async close(
    observation: Observation,
    durationMs: number,
    options: EndObservationOptions = {},
  ): Promise<void> {
    this.wait(durationMs);
    observation.end({ ...options, endTime: this.now });
    await yieldToEventLoop();
  }

  /** A model call, preceded by a failed attempt (HTTP 429) and a backoff now and then. */
  async generation(step: GenerationStep): Promise<SimulatedCall> {
    if (this.random.chance(this.rateLimitProbability)) await this.rateLimitedAttempt(step);

    const profile = CHAT_MODELS[step.model];
    const call = simulateChat(profile, step.messages, step.text, this.random, {
      cache: step.cache,
      finishReason: step.finishReason,
    });
    const generation = this.open((startTime) =>
      this.client.startGeneration({
        name: step.name,
        parent: step.parent,
        model: profile.name,
        provider: profile.provider,
        input: step.messages,
        modelParameters: step.modelParameters ?? { temperature: 0.2, max_tokens: 1024 },
        startTime,
      }),
    );

    this.wait(call.latencyMs + (step.extraLatencyMs ?? 0));
    generation.end({
      output: call.text,
      model: profile.responseModel,
      usage: call.usage,
      finishReason: call.finishReason,
      endTime: this.now,
    });
    this.stats.recordModelCall(profile.name, call.usage);
    await yieldToEventLoop();
    return call;
  }

  /** An embedding call over the texts. */
  async embedding(name: string, parent: ObservationParent, texts: string[]): Promise<void> {
    const call = simulateEmbedding(texts, this.random);
    const embedding = this.open((startTime) =>
      this.client.startEmbedding({
        name,
        parent,
        model: EMBEDDING_MODEL.name,
        provider: EMBEDDING_MODEL.provider,
        input: texts,
        modelParameters: { dimensions: EMBEDDING_MODEL.dimensions },
        startTime,
      }),
    );

    this.wait(call.latencyMs);
    embedding.end({ usage: call.usage, model: EMBEDDING_MODEL.name, endTime: this.now });
    this.stats.recordModelCall(EMBEDDING_MODEL.name, call.usage);
    await yieldToEventLoop();
  }

  /** A retrieval (or rerank) step returning the given documents. */
  async retrieval(
    name: string,
    parent: ObservationParent,
    input: unknown,
    documents: RetrievedDocument[],
  ): Promise<void> {
    const retrieval = this.open((startTime) =>
      this.client.startRetrieval({ name, parent, input, startTime }),
    );
    this.wait(this.random.int(15, 90));
    retrieval.end({ documents, endTime: this.now });
    await yieldToEventLoop();
  }

  /** Counts a failed tool call in the summary (timeouts apart from other errors). */
  recordToolFailure(error: Error): void {
    this.stats.recordFailure(error.message.startsWith("ETIMEDOUT") ? "timeout" : "tool error");
  }

  private async rateLimitedAttempt(step: GenerationStep): Promise<void> {
    const profile = CHAT_MODELS[step.model];
    const attempt = this.open((startTime) =>
      this.client.startGeneration({
        name: step.name,
        parent: step.parent,
        model: profile.name,
        provider: profile.provider,
        input: step.messages,
        startTime,
      }),
    );
    this.stats.recordFailure("rate limit");
    await this.close(attempt, this.random.int(120, 400), {
      error: new Error(`429 Too Many Requests: rate limit reached for ${profile.name}`),
    });
    this.wait(this.random.int(1000, 4000));
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
