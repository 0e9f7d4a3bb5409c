import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionTurn, type TurnView } from "@/components/explorer/session-turn";
import { TimeZoneSelect } from "@/components/explorer/time-zone";
import { IdChip } from "@/components/traces/id-chip";
import { secondaryButtonClass } from "@/components/ui/styles";
import { listSessionTurns } from "@/lib/explorer/list-sessions";
import { payloadSummaryText } from "@/lib/explorer/payload-view";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { AppError } from "@/lib/http/app-error";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Session · Sightline" };

const TURNS_PER_PAGE = 30;
/** Characters of a turn's text sent to the browser; the full payload is one click away. */
const TURN_TEXT_CHARS = 8000;

function clip(text: string | null): string | null {
  if (text === null || text.length <= TURN_TEXT_CHARS) return text;
  const more = text.length - TURN_TEXT_CHARS;
  return `${text.slice(0, TURN_TEXT_CHARS)}\n\n… (${more} more characters in the trace)`;
}

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; sessionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId, sessionId: sessionSegment } = await params;
  const sessionId = decodeRouteParam(sessionSegment);
  await requireExplorerAccess(projectId);
  const { cursor: rawCursor, from: rawFrom } = await searchParams;
  const cursor = typeof rawCursor === "string" ? rawCursor : undefined;
  const firstNumber = typeof rawFrom === "string" && /^\d+$/.test(rawFrom) ? Number(rawFrom) : 1;

  const page = await listSessionTurns(projectId, sessionId, {
    cursor,
    limit: TURNS_PER_PAGE,
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "bad_request") notFound();
    throw error;
  });
  if (page.rows.length === 0 && !cursor) notFound();

  // Only the text of each turn goes to the browser, not whole payloads.
  const turns: TurnView[] = page.rows.map((turn) => ({
    traceId: turn.traceId,
    name: turn.name,
    startTime: turn.startTime,
    latencyMs: turn.latencyMs,
    totalTokens: turn.totalTokens,
    totalCost: turn.totalCost,
    level: turn.level,
    userId: turn.userId,
    inputText: clip(payloadSummaryText(turn.input, "user")),
    outputText: clip(payloadSummaryText(turn.output, "assistant")),
  }));
  const base = `/project/${projectId}/sessions/${encodeURIComponent(sessionId)}`;
  const traceListQuery = new URLSearchParams({ session: sessionId, range: "all" });
  const laterTurnsHref = (cursor: string) => {
    const from = String(firstNumber + turns.length);
    return `${base}?${new URLSearchParams({ cursor, from }).toString()}`;
  };

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav className="text-xs text-zinc-500" aria-label="Breadcrumb">
        <Link
          href={`/project/${projectId}/sessions`}
          className="hover:text-zinc-900 dark:hover:text-zinc-100"
        >
          Sessions
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Session</h1>
        <IdChip label="Session" value={sessionId} />
        <Link
          href={`/project/${projectId}/traces?${traceListQuery.toString()}`}
          className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
        >
          As a trace list
        </Link>
        <span className="ml-auto">
          <TimeZoneSelect />
        </span>
      </div>
      <ol className="space-y-6" data-testid="session-turns">
        {turns.map((turn, index) => (
          <SessionTurn
            key={turn.traceId}
            projectId={projectId}
            turn={turn}
            number={firstNumber + index}
          />
        ))}
      </ol>
      <nav className="flex justify-between" aria-label="Pages">
        {cursor ? (
          <Link href={base} className={secondaryButtonClass}>
            ← First turns
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={laterTurnsHref(page.nextCursor)} className={secondaryButtonClass}>
            Later turns →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
