import { USERS, type DemoUser } from "./catalog";
import type { DemoOptions } from "./options";
import { SeededRandom } from "./random";

export type WorkloadKind = "rag-search" | "rag-support" | "agent" | "chat" | "summarize";

/** One unit of work: a single trace, or a chat session of several traces. */
export interface TraceJob {
  index: number;
  kind: WorkloadKind;
  feature: "search" | "support-bot" | "agent" | "summarize";
  /** How many traces the job sends (the turns of a chat session, else 1). */
  traces: number;
  user: DemoUser;
  sessionId: string | undefined;
  startTime: Date;
  /** The one slow outlier of the run. */
  slow: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Leaves room for the longest job (a five-turn chat) to end before now.
const END_MARGIN_MS = 20 * 60 * 1000;

const KIND_WEIGHTS: ReadonlyArray<readonly [WorkloadKind, number]> = [
  ["rag-search", 2],
  ["rag-support", 2],
  ["agent", 2.5],
  ["chat", 1.2],
  ["summarize", 1.5],
];

const FEATURES: Record<WorkloadKind, TraceJob["feature"]> = {
  "rag-search": "search",
  "rag-support": "support-bot",
  agent: "agent",
  chat: "support-bot",
  summarize: "summarize",
};

/** The run's jobs, decided by the seed alone: kinds, users, sessions, start times. */
export function planJobs(options: DemoOptions, now: Date): TraceJob[] {
  const random = new SeededRandom(options.seed);
  const userWeights = USERS.map((user) => [user, user.weight] as const);
  const jobs: TraceJob[] = [];

  for (let remaining = options.traces; remaining > 0;) {
    const kind = random.weighted(KIND_WEIGHTS);
    const traces = kind === "chat" ? Math.min(remaining, random.int(3, 5)) : 1;
    const user = random.weighted(userWeights);
    const startTime = pickStartTime(random, now, options.days);
    jobs.push({
      index: jobs.length,
      kind,
      feature: FEATURES[kind],
      traces,
      user,
      sessionId: sessionIdFor(kind, user, startTime, jobs.length),
      startTime,
      slow: false,
    });
    remaining -= traces;
  }

  const single = jobs.filter((job) => job.kind !== "chat");
  if (single.length > 0) random.pick(single).slow = true;
  return jobs;
}

/** Spread over the past `days`, busier in working hours (UTC) so charts show a daily rhythm. */
function pickStartTime(random: SeededRandom, now: Date, days: number): Date {
  const latest = now.getTime() - END_MARGIN_MS;
  for (;;) {
    const candidate = new Date(latest - random.next() * days * DAY_MS);
    const hour = candidate.getUTCHours();
    const weight = hour >= 8 && hour < 19 ? 1 : hour >= 6 && hour < 23 ? 0.5 : 0.15;
    if (days === 0 || random.chance(weight)) return candidate;
  }
}

function sessionIdFor(
  kind: WorkloadKind,
  user: DemoUser,
  startTime: Date,
  index: number,
): string | undefined {
  const name = user.id.replace(/^user-/, "");
  if (kind === "chat") return `chat-${name}-${index}`;
  if (kind === "summarize") return undefined;
  // One session per user, feature and day, as a web app's session would roughly give.
  return `${FEATURES[kind]}-${name}-${startTime.toISOString().slice(0, 10)}`;
}
