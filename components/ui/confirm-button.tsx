"use client";

import { useState, type ReactNode } from "react";

import { dangerButtonClass, secondaryButtonClass } from "./styles";

const QUESTION_CLASS =
  "inline-flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-2 " +
  "py-1 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200";

/**
 * A destructive action in two steps: the button opens an inline question, and only its confirm
 * button runs the action. A failure is shown next to the question, which stays open.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  testId,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  /** Runs the action; a rejection's message is shown. */
  onConfirm: () => Promise<void>;
  testId: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!asking) {
    return (
      <button
        type="button"
        className={dangerButtonClass}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }

  const confirm = () => {
    setBusy(true);
    setError(null);
    onConfirm()
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <span
      role="alertdialog"
      aria-label={label}
      className={QUESTION_CLASS}
      data-testid={`${testId}-confirm`}
    >
      <span>{question}</span>
      <button type="button" className={dangerButtonClass} disabled={busy} onClick={confirm}>
        {confirmLabel}
      </button>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={busy}
        onClick={() => setAsking(false)}
      >
        Cancel
      </button>
      {error ? <span className="text-red-600">{error}</span> : null}
    </span>
  );
}
