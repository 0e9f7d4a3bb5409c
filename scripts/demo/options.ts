import { parseArgs } from "node:util";

/** What `npm run demo -- …` was asked to do. */
export interface DemoOptions {
  traces: number;
  days: number;
  concurrency: number;
  seed: number;
}

export const DEMO_USAGE = `\
Usage: npm run demo -- [--traces N] [--days D] [--concurrency C] [--seed S]

  --traces N       traces to send (default 50)
  --days D         spread their start times over the past D days (default 7)
  --concurrency C  traces built at the same time (default 4)
  --seed S         seed of the workload; the same seed gives the same traces (default 42)

Sends to SIGHTLINE_BASE_URL (default http://localhost:$PORT, or port 3000 without PORT) with
SIGHTLINE_PUBLIC_KEY and SIGHTLINE_SECRET_KEY (or SIGHTLINE_INIT_PROJECT_PUBLIC_KEY / ...).`;

/** Parses the command line; throws an Error with a readable message on bad input. */
export function parseDemoOptions(argv: string[]): DemoOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      traces: { type: "string", default: "50" },
      days: { type: "string", default: "7" },
      concurrency: { type: "string", default: "4" },
      seed: { type: "string", default: "42" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";

  return {
    traces: readInteger("--traces", values.traces, 1, 100_000),
    days: readNumber("--days", values.days, 0, 3650),
    concurrency: readInteger("--concurrency", values.concurrency, 1, 64),
    seed: readInteger("--seed", values.seed, 0, 2 ** 31 - 1),
  };
}

function readNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${flag} must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function readInteger(flag: string, text: string, min: number, max: number): number {
  const value = readNumber(flag, text, min, max);
  if (!Number.isInteger(value)) throw new Error(`${flag} must be a whole number, got ${text}`);
  return value;
}
