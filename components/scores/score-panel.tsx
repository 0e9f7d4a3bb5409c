"use client";

import { useEffect, useRef, useState } from "react";

import type { AnnotatedScore } from "@/lib/scores/annotation-scores";
import { summarizeScores } from "@/lib/scores/score-summary";
import { choicesOf, ScoreControl } from "./score-control";
import { displayScoreValue, ScoreList } from "./score-list";
import { useTargetScores, type ScoreTarget } from "./use-target-scores";

/** The free-label score name (see lib/scores/annotation-scores.ts). */
const LABEL_NAME = "label";

/** Escape leaves a text field, so the single-key shortcuts work again. */
function blurOnEscape(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== "Escape") return;
  event.preventDefault();
  event.currentTarget.blur();
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Scoring a trace or a span by hand: one control per active score config (or the queue's
 * configs), free labels, a comment, and everyone's scores with source, author and time.
 * With `shortcuts`, [ and ] pick the score, 1–9 choose its category, c and l jump to comment
 * and label.
 */
export function ScorePanel({
  projectId,
  traceId,
  observationId,
  queueId = null,
  configIds,
  shortcuts = false,
  title,
  wide = false,
  collapsible = false,
  onScored,
}: ScoreTarget & {
  configIds?: readonly string[];
  shortcuts?: boolean;
  title: string;
  /** Lays the controls out in columns (the trace page's full-width card). */
  wide?: boolean;
  /** Starts folded to a one-line summary (the trace page), opened by click or a shortcut key. */
  collapsible?: boolean;
  onScored?: () => void;
}) {
  const { data, error, setError, save, remove } = useTargetScores({
    projectId,
    traceId,
    observationId,
    queueId,
  });
  const [activeIndex, setActiveIndex] = useState(0);
  const [comment, setComment] = useState("");
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(!collapsible);
  // The field a shortcut asked for while the panel was folded: focused once it is rendered.
  const pendingFocus = useRef<"comment" | "label" | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);

  const configs = (data?.configs ?? []).filter(
    (config) => !configIds || configIds.includes(config.id),
  );
  const canScore = data?.canScore ?? false;
  const mine = (name: string): AnnotatedScore | undefined =>
    data?.scores.find(
      (score) =>
        score.source === "ANNOTATION" && score.authorUserId === data.userId && score.name === name,
    );

  const submit = async (body: Record<string, unknown>) => {
    setBusy(true);
    try {
      await save({ ...body, comment: comment.trim() ? comment : undefined });
      setComment("");
      onScored?.();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const scoreWith = (index: number, value: number | string | boolean) => {
    const config = configs[index];
    if (!config || !canScore) return;
    void submit({ configId: config.id, name: config.name, value });
  };

  // Read by the key listener, which is attached once.
  const latest = useRef({ configs, activeIndex, scoreWith, canScore });
  useEffect(() => {
    latest.current = { configs, activeIndex, scoreWith, canScore };
  });

  useEffect(() => {
    if (!open || !pendingFocus.current) return;
    (pendingFocus.current === "comment" ? commentRef : labelRef).current?.focus();
    pendingFocus.current = null;
  }, [open]);

  useEffect(() => {
    if (!shortcuts) return;
    // A folded panel has no fields yet: remember which one, focused once it opens.
    const focusField = (field: "comment" | "label") => {
      const element = (field === "comment" ? commentRef : labelRef).current;
      if (element) element.focus();
      else pendingFocus.current = field;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const state = latest.current;
      const count = state.configs.length;
      if (["[", "]", "c", "l"].includes(event.key)) setOpen(true);
      if (event.key === "]" && count > 0) setActiveIndex((state.activeIndex + 1) % count);
      else if (event.key === "[" && count > 0)
        setActiveIndex((state.activeIndex - 1 + count) % count);
      else if (event.key === "c") focusField("comment");
      else if (event.key === "l") focusField("label");
      else if (/^[1-9]$/.test(event.key)) {
        const config = state.configs[state.activeIndex];
        const choice = config ? choicesOf(config)[Number(event.key) - 1] : undefined;
        if (!choice || !state.canScore) return;
        state.scoreWith(state.activeIndex, choice.value);
      } else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [shortcuts]);

  const labels = (data?.scores ?? []).filter(
    (score) => score.name === LABEL_NAME && score.configId === null,
  );
  const canDelete = (score: AnnotatedScore) =>
    canScore && (score.authorUserId === data?.userId || (data?.canDeleteAny ?? false));
  const onDelete = (score: AnnotatedScore) => {
    remove(score.id).catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  if (!open) {
    return (
      <section
        aria-label={title}
        data-testid="score-panel"
        data-target={observationId ?? "trace"}
        data-open="false"
      >
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          data-testid="score-panel-toggle"
          className="flex w-full min-w-0 items-baseline gap-2 text-left text-xs"
        >
          <span className="font-semibold text-zinc-500">{title}:</span>
          <span className="min-w-0 flex-1 truncate font-mono" data-testid="score-summary">
            {data ? summarizeScores(data.scores) : "…"}
          </span>
          <span className="shrink-0 font-medium text-indigo-600 dark:text-indigo-400">
            {canScore ? "Score ▸" : "Show ▸"}
          </span>
        </button>
      </section>
    );
  }

  return (
    <section
      className="space-y-2"
      aria-label={title}
      data-testid="score-panel"
      data-target={observationId ?? "trace"}
      data-open="true"
    >
      <div className="flex items-baseline gap-2">
        <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h4>
        {collapsible ? (
          <button
            type="button"
            onClick={() => setOpen(false)}
            aria-expanded
            data-testid="score-panel-toggle"
            className="ml-auto text-xs font-medium text-indigo-600 dark:text-indigo-400"
          >
            Hide ▾
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="text-xs text-red-600" data-testid="score-error">
          {error}
        </p>
      ) : null}
      {!data ? <p className="text-xs text-zinc-500">Loading scores…</p> : null}
      {data && !canScore ? (
        <p className="text-xs text-zinc-500" data-testid="score-read-only">
          Viewers can read scores; members and up can score.
        </p>
      ) : null}
      {data && canScore && configs.length === 0 ? (
        <p className="text-xs text-zinc-500">
          No score configs yet: admins add them under Settings → Score configs.
        </p>
      ) : null}
      {canScore ? (
        <div className="space-y-1.5">
          <div className={`grid gap-1.5 ${wide ? "md:grid-cols-2 xl:grid-cols-3" : ""}`}>
            {configs.map((config, index) => {
              const own = mine(config.name);
              return (
                <ScoreControl
                  key={`${config.id}:${own?.id ?? ""}:${own?.updatedAt ?? ""}`}
                  config={config}
                  current={own ? displayScoreValue(own) : null}
                  active={shortcuts && index === activeIndex}
                  disabled={busy}
                  onActivate={() => setActiveIndex(index)}
                  onScore={(value) => scoreWith(index, value)}
                />
              );
            })}
          </div>
          <textarea
            ref={commentRef}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            onKeyDown={blurOnEscape}
            rows={2}
            maxLength={5000}
            placeholder="Comment (saved with your next score)"
            aria-label="Comment"
            className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          <form
            className="flex gap-1.5"
            onSubmit={(event) => {
              event.preventDefault();
              if (!label.trim()) return;
              void submit({ name: LABEL_NAME, value: label.trim() }).then(() => setLabel(""));
            }}
          >
            <input
              ref={labelRef}
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              onKeyDown={blurOnEscape}
              maxLength={200}
              placeholder="Add a label, e.g. hallucination"
              aria-label="Label"
              className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
            />
            <button
              type="submit"
              disabled={busy}
              className="rounded-md border border-zinc-300 px-2 text-xs dark:border-zinc-700"
            >
              Add label
            </button>
          </form>
          {shortcuts ? (
            <p className="text-[11px] text-zinc-500" data-testid="shortcut-hint">
              Keys: <kbd>[</kbd> <kbd>]</kbd> pick a score · <kbd>1</kbd>–<kbd>9</kbd> choose ·{" "}
              <kbd>c</kbd> comment · <kbd>l</kbd> label
            </p>
          ) : null}
        </div>
      ) : null}
      {labels.length > 0 ? (
        <div className="flex flex-wrap gap-1" data-testid="labels">
          {labels.map((score) => (
            <span
              key={score.id}
              className="rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] dark:bg-zinc-800"
            >
              {score.stringValue}
            </span>
          ))}
        </div>
      ) : null}
      {data ? <ScoreList scores={data.scores} canDelete={canDelete} onDelete={onDelete} /> : null}
    </section>
  );
}
