import Link from "next/link";
import { SafeMarkdown } from "@/components/traces/safe-markdown";
import { formatCost, formatDuration, formatTokens } from "@/lib/explorer/format";
import { DisplayTime } from "./time-zone";

export interface TurnView {
  traceId: string;
  name: string | null;
  startTime: string;
  latencyMs: number;
  totalTokens: number;
  totalCost: string | null;
  level: string;
  userId: string | null;
  /** What the user said in this turn (the last user message of the input), or the input. */
  inputText: string | null;
  /** What came back (the last assistant message of the output), or the output. */
  outputText: string | null;
}

function Bubble({
  side,
  label,
  text,
}: {
  side: "user" | "assistant";
  label: string;
  text: string | null;
}) {
  const user = side === "user";
  return (
    <div className={`flex ${user ? "justify-end" : "justify-start"}`}>
      <div
        className={`max-w-[85%] rounded-2xl px-4 py-2.5 ${user ? "rounded-br-sm bg-sky-50 dark:bg-sky-950/40" : "rounded-bl-sm border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"}`}
        data-testid={user ? "turn-input" : "turn-output"}
      >
        <div className="mb-1 text-[10px] font-semibold tracking-wide text-zinc-500 uppercase">
          {label}
        </div>
        {text ? (
          <SafeMarkdown text={text} />
        ) : (
          <span className="text-xs text-zinc-400 italic">none recorded</span>
        )}
      </div>
    </div>
  );
}

/** One trace of a session as a turn of the conversation: input, then output, then the numbers. */
export function SessionTurn({
  projectId,
  turn,
  number,
}: {
  projectId: string;
  turn: TurnView;
  number: number;
}) {
  return (
    <li className="space-y-2" data-testid="session-turn" data-trace-id={turn.traceId}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
        <span className="font-semibold text-zinc-700 dark:text-zinc-300">Turn {number}</span>
        <DisplayTime iso={turn.startTime} />
        {turn.name ? (
          <span className="font-medium text-zinc-700 dark:text-zinc-300">{turn.name}</span>
        ) : null}
        {turn.level === "ERROR" ? (
          <span className="rounded bg-red-100 px-1.5 text-[10px] font-semibold text-red-700 dark:bg-red-950 dark:text-red-300">
            ERROR
          </span>
        ) : null}
        <span className="font-mono">{formatDuration(turn.latencyMs)}</span>
        <span className="font-mono">{formatTokens(turn.totalTokens)} tok</span>
        <span className="font-mono">{formatCost(turn.totalCost)}</span>
        <Link
          href={`/project/${projectId}/traces/${encodeURIComponent(turn.traceId)}`}
          className="ml-auto text-indigo-600 hover:underline dark:text-indigo-400"
          data-testid="turn-trace-link"
        >
          Open trace →
        </Link>
      </div>
      <Bubble side="user" label={turn.userId ?? "user"} text={turn.inputText} />
      <Bubble side="assistant" label="assistant" text={turn.outputText} />
    </li>
  );
}
