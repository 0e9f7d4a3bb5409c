"use client";

/** The column picker's section of score columns: one checkbox per score name. */
export function ScoreColumnChoices({
  scoreNames,
  visibleScores,
  onChange,
}: {
  scoreNames: string[];
  visibleScores: string[];
  onChange: (names: string[]) => void;
}) {
  return (
    <div className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-700">
      <p className="px-1.5 py-0.5 text-[10px] font-semibold text-zinc-500 uppercase">Scores</p>
      {scoreNames.map((name) => (
        <label
          key={name}
          className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-xs hover:bg-zinc-50 dark:hover:bg-zinc-800"
        >
          <input
            type="checkbox"
            aria-label={`Score column ${name}`}
            checked={visibleScores.includes(name)}
            onChange={() =>
              onChange(
                visibleScores.includes(name)
                  ? visibleScores.filter((shown) => shown !== name)
                  : [...visibleScores, name],
              )
            }
          />
          <span className="truncate">{name}</span>
        </label>
      ))}
    </div>
  );
}
