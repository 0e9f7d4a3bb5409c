import type { SightlineClient } from "../../sdk/src/index";

import { runAgentLoop } from "./agent-loop";
import { pickChatModel, runChatTurn } from "./chat-session";
import type { DemoStats } from "./demo-stats";
import type { PromptMessage } from "./local-model";
import type { DemoOptions } from "./options";
import { planJobs, type TraceJob } from "./plan-jobs";
import { SeededRandom } from "./random";
import { runRagPipeline } from "./rag-pipeline";
import { runSummarizeDocuments } from "./summarize-documents";
import { TraceBuilder } from "./trace-builder";

const RATE_LIMIT_PROBABILITY = 0.04;
// Flushing now and then bounds memory and lets the server keep pace with a fast producer.
const FLUSH_EVERY_TRACES = 25;

/** Runs every planned job on `concurrency` workers, reporting traces done to `onProgress`. */
export async function runDemo(
  client: SightlineClient,
  options: DemoOptions,
  stats: DemoStats,
  onProgress: (tracesDone: number) => void,
): Promise<void> {
  const jobs = planJobs(options, new Date());
  let nextJob = 0;
  let tracesDone = 0;
  let flushedAt = 0;

  const work = async () => {
    for (let job = jobs[nextJob++]; job; job = jobs[nextJob++]) {
      await runJob(client, job, options.seed, stats);
      tracesDone += job.traces;
      onProgress(tracesDone);
      if (tracesDone - flushedAt >= FLUSH_EVERY_TRACES) {
        flushedAt = tracesDone;
        await client.flush();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, work));
  await client.flush();
}

async function runJob(
  client: SightlineClient,
  job: TraceJob,
  seed: number,
  stats: DemoStats,
): Promise<void> {
  const random = SeededRandom.forTask(seed, job.index);
  const builder = new TraceBuilder(client, random, job.startTime, stats, RATE_LIMIT_PROBABILITY);
  const attributes = {
    userId: job.user.id,
    sessionId: job.sessionId,
    feature: job.feature,
    tags: ["demo", job.kind, `plan:${job.user.plan}`],
    metadata: { plan: job.user.plan, seed },
  };
  const record = (traceId: string) => {
    stats.recordTrace(job.feature, job.user.id, job.sessionId);
    if (job.slow) stats.slowTraceId = traceId;
  };

  if (job.kind === "chat") {
    const model = pickChatModel(builder);
    let history: PromptMessage[] = [];
    for (let turn = 0; turn < job.traces; turn++) {
      if (turn > 0) builder.wait(random.int(20_000, 120_000));
      const result = await client.withTraceAttributes(attributes, () =>
        runChatTurn(builder, { history, turn, model }),
      );
      history = result.history;
      record(result.traceId);
    }
    return;
  }

  const traceId = await client.withTraceAttributes(attributes, () => {
    if (job.kind === "agent") return runAgentLoop(builder, { slow: job.slow });
    if (job.kind === "summarize") return runSummarizeDocuments(builder, { slow: job.slow });
    const feature = job.kind === "rag-search" ? "search" : "support-bot";
    return runRagPipeline(builder, { feature, slow: job.slow });
  });
  record(traceId);
}
