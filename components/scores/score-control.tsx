"use client";

import { useState } from "react";

import type { ScoringConfig } from "@/lib/scores/annotation-scores";

const chipClass = (selected: boolean) =>
  `rounded-md border px-2 py-0.5 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-50 ${selected ? "border-indigo-600 bg-indigo-600 text-white" : "border-zinc-300 text-zinc-700 hover:border-indigo-400 dark:border-zinc-700 dark:text-zinc-200"}`;

/** The choices of a CATEGORICAL or BOOLEAN config, in the order the 1–9 keys pick them. */
export function choicesOf(
  config: ScoringConfig,
): Array<{ label: string; value: string | boolean }> {
  if (config.dataType === "BOOLEAN") {
    return [
      { label: "True", value: true },
      { label: "False", value: false },
    ];
  }
  return (config.categories ?? []).map((category) => ({
    label: category.label,
    value: category.label,
  }));
}

/**
 * One score config's control: buttons for categories and booleans (keys 1–9 when active), a
 * slider plus a number box for numbers, checked against the config's range before sending.
 */
export function ScoreControl({
  config,
  current,
  active,
  disabled,
  onActivate,
  onScore,
}: {
  config: ScoringConfig;
  /** This reviewer's current value: the label, or the number as text. */
  current: string | null;
  active: boolean;
  disabled: boolean;
  onActivate: () => void;
  onScore: (value: number | string | boolean) => void;
}) {
  return (
    <div
      className={`rounded-md border px-2 py-1.5 ${active ? "border-indigo-500 ring-1 ring-indigo-500" : "border-zinc-200 dark:border-zinc-800"}`}
      data-testid="score-control"
      data-score-name={config.name}
      data-active={active ? "true" : "false"}
      onFocusCapture={onActivate}
    >
      <div className="mb-1 flex items-baseline gap-2">
        <span className="text-xs font-semibold">{config.name}</span>
        <span className="text-[10px] text-zinc-500 uppercase">{config.dataType.toLowerCase()}</span>
        {current !== null ? (
          <span className="ml-auto text-[11px] text-zinc-500" data-testid="my-score">
            yours: <span className="font-mono">{current}</span>
          </span>
        ) : null}
      </div>
      {config.dataType === "NUMERIC" ? (
        <NumericControl config={config} current={current} disabled={disabled} onScore={onScore} />
      ) : (
        <div className="flex flex-wrap gap-1" role="group" aria-label={config.name}>
          {choicesOf(config).map((choice, index) => (
            <button
              key={choice.label}
              type="button"
              disabled={disabled}
              aria-pressed={current === choice.label}
              className={chipClass(current === choice.label)}
              onClick={() => onScore(choice.value)}
            >
              {index < 9 && active ? (
                <kbd className="mr-1 font-mono text-[10px] opacity-70">{index + 1}</kbd>
              ) : null}
              {choice.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function NumericControl({
  config,
  current,
  disabled,
  onScore,
}: {
  config: ScoringConfig;
  current: string | null;
  disabled: boolean;
  onScore: (value: number) => void;
}) {
  const min = config.minValue;
  const max = config.maxValue;
  const [text, setText] = useState(current ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const hasRange = min !== null && max !== null;
  const step = hasRange && max - min <= 1 ? 0.05 : 1;

  const submit = () => {
    const number = Number(text);
    if (text.trim() === "" || !Number.isFinite(number)) return setProblem("Enter a number");
    if (min !== null && number < min) return setProblem(`At least ${min}`);
    if (max !== null && number > max) return setProblem(`At most ${max}`);
    setProblem(null);
    onScore(number);
  };

  return (
    <form
      noValidate
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {hasRange ? (
        <input
          type="range"
          min={min}
          max={max}
          step={step}
          value={text === "" ? min : Number(text)}
          disabled={disabled}
          aria-label={`${config.name} slider`}
          onChange={(event) => setText(event.target.value)}
          className="min-w-24 flex-1 accent-indigo-600"
        />
      ) : null}
      <input
        type="number"
        inputMode="decimal"
        step="any"
        min={min ?? undefined}
        max={max ?? undefined}
        value={text}
        disabled={disabled}
        aria-label={`${config.name} value`}
        placeholder={hasRange ? `${min}–${max}` : "number"}
        onChange={(event) => setText(event.target.value)}
        className="w-20 rounded border border-zinc-300 bg-white px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button type="submit" disabled={disabled} className={chipClass(false)}>
        Save
      </button>
      {problem ? (
        <span className="text-[11px] text-red-600" data-testid="score-input-problem">
          {problem}
        </span>
      ) : null}
    </form>
  );
}
