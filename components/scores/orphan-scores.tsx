import { DisplayTime } from "@/components/explorer/time-zone";
import { cardClass } from "@/components/ui/styles";
import type { PublicScore } from "@/lib/scores/score-fields";

/**
 * Scores whose trace has not been ingested: kept as they came, shown on the trace once it
 * arrives, and listed here (and by GET /api/public/scores?orphans=true) until then.
 */
export function OrphanScores({ scores, total }: { scores: PublicScore[]; total: number }) {
  if (total === 0) return null;
  return (
    <section className={cardClass} aria-label="Orphan scores" data-testid="orphan-scores">
      <h2 className="text-sm font-semibold">
        Scores waiting for their trace <span className="text-zinc-500">({total})</span>
      </h2>
      <p className="mb-2 text-xs text-zinc-500">
        Their trace has not arrived (yet). They show on the trace once it does.
      </p>
      <table className="w-full text-left text-xs">
        <thead className="text-[11px] text-zinc-500 uppercase">
          <tr>
            <th className="py-1">Score</th>
            <th className="py-1">Value</th>
            <th className="py-1">Trace id</th>
            <th className="py-1">Source</th>
            <th className="py-1">Time</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((score) => (
            <tr
              key={score.id}
              className="border-t border-zinc-100 dark:border-zinc-800"
              data-testid="orphan-score"
            >
              <td className="py-1">{score.name}</td>
              <td className="py-1 font-mono">
                {score.stringValue ?? (score.value === null ? "–" : String(score.value))}
              </td>
              <td className="py-1 font-mono">{score.traceId}</td>
              <td className="py-1">{score.source}</td>
              <td className="py-1">
                <DisplayTime iso={score.timestamp} short />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
