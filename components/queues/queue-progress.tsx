/** "12 / 40" with a bar: items done out of all queued. */
export function QueueProgress({ completed, total }: { completed: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((completed / total) * 100);
  return (
    <span className="inline-flex items-center gap-2">
      <span
        className="h-1.5 w-24 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        aria-hidden
      >
        <span className="block h-full bg-emerald-500" style={{ width: `${percent}%` }} />
      </span>
      <span className="font-mono text-xs tabular-nums" data-testid="queue-progress">
        {completed} / {total}
      </span>
    </span>
  );
}
