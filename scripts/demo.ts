// `npm run demo`: sends a realistic LLM workload (RAG, agents, embeddings, chat sessions) through
// the Sightline SDK into a running Sightline, with simulated time so that history spans days.
import { init } from "../sdk/src/index";

import { checkServer } from "./demo/check-server";
import { MISSING_KEYS_MESSAGE, resolveDemoCredentials } from "./demo/credentials";
import { DemoStats, formatSummary } from "./demo/demo-stats";
import { DEMO_USAGE, parseDemoOptions, type DemoOptions } from "./demo/options";
import { ProgressBar } from "./demo/progress-bar";
import { runDemo } from "./demo/run-demo";

async function main(): Promise<number> {
  let options: DemoOptions | "help";
  try {
    options = parseDemoOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${DEMO_USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(DEMO_USAGE);
    return 0;
  }

  const credentials = resolveDemoCredentials(process.env);
  if (!credentials) {
    console.error(MISSING_KEYS_MESSAGE);
    return 1;
  }
  const problem = await checkServer(credentials);
  if (problem) {
    console.error(problem);
    return 1;
  }

  const client = init({
    ...credentials,
    environment: process.env.SIGHTLINE_ENVIRONMENT ?? "demo",
    // Spans are produced much faster than real traffic; room for all of them while sending.
    maxQueueSize: 100_000,
    flushIntervalMs: 500,
  });
  const stats = new DemoStats();
  const progress = new ProgressBar(options.traces);
  const started = performance.now();

  await runDemo(client, options, stats, (done) => progress.update(done));
  await client.shutdown();
  progress.finish();

  console.log(
    formatSummary(stats, {
      baseUrl: credentials.baseUrl,
      days: options.days,
      seconds: (performance.now() - started) / 1000,
      droppedSpans: client.droppedSpans,
    }),
  );
  return client.droppedSpans > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
