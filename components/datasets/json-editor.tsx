"use client";

import { useState } from "react";
import { SafeMarkdown } from "@/components/traces/safe-markdown";

/** A value as editor text: pretty JSON; null or absent as empty. */
export function toEditorText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return JSON.stringify(value, null, 2);
}

/** Editor text as a value: empty is null; otherwise it must be JSON. */
export function parseEditorText(text: string): { value: unknown } | { error: string } {
  if (!text.trim()) return { value: null };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : "not valid JSON" };
  }
}

type EditorMode = "json" | "text";

/**
 * An editor of one JSON value. A string value is edited as plain text (no quotes or escapes to
 * type) with a markdown preview, rendered safely: no HTML from the text ever runs. Any other
 * value is edited as JSON, which says at once whether it is valid. The mode follows the value
 * until the user types or picks one; "JSON" turns a string into any other value.
 */
export function JsonEditor({
  label,
  text,
  onChange,
  testId,
  rows = 6,
  readOnly = false,
}: {
  label: string;
  /** The value as JSON text (see toEditorText); empty for none. */
  text: string;
  onChange: (text: string) => void;
  testId: string;
  rows?: number;
  readOnly?: boolean;
}) {
  const [preview, setPreview] = useState(false);
  const [chosenMode, setChosenMode] = useState<EditorMode | null>(null);
  const parsed = parseEditorText(text);
  const error = "error" in parsed ? parsed.error : null;
  const value = "value" in parsed ? parsed.value : undefined;
  const isString = typeof value === "string";
  const textable = !error && (isString || value === null);
  const mode: EditorMode =
    (chosenMode ?? (isString ? "text" : "json")) === "text" && textable ? "text" : "json";

  const edit = (next: string) => {
    setChosenMode(mode);
    if (mode === "json") onChange(next);
    else onChange(next === "" ? "" : JSON.stringify(next));
  };

  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <span className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{label}</span>
        <span
          className="ml-auto inline-flex overflow-hidden rounded border border-zinc-300 text-[11px] dark:border-zinc-700"
          role="group"
          aria-label={`${label} format`}
        >
          {(["text", "json"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              disabled={option === "text" && !textable}
              title={option === "text" && !textable ? "Only a string can be edited as text" : ""}
              className={`px-1.5 py-0.5 disabled:opacity-40 ${
                mode === option
                  ? "bg-zinc-200 font-semibold dark:bg-zinc-700"
                  : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
              }`}
              onClick={() => setChosenMode(option)}
              data-testid={`${testId}-mode-${option}`}
            >
              {option === "text" ? "Text" : "JSON"}
            </button>
          ))}
        </span>
        {isString ? (
          <button
            type="button"
            className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
            onClick={() => setPreview(!preview)}
            data-testid={`${testId}-preview-toggle`}
          >
            {preview ? "Edit" : "Preview markdown"}
          </button>
        ) : null}
      </div>
      {preview && isString ? (
        <div
          className="max-h-80 overflow-auto rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          data-testid={`${testId}-preview`}
        >
          <SafeMarkdown text={value} />
        </div>
      ) : (
        <textarea
          aria-label={label}
          data-testid={testId}
          data-mode={mode}
          value={mode === "text" ? (isString ? value : "") : text}
          readOnly={readOnly}
          rows={rows}
          spellCheck={mode === "text"}
          onChange={(event) => edit(event.target.value)}
          className={`block w-full rounded-md border bg-white px-3 py-2 text-xs shadow-sm focus:outline-none dark:bg-zinc-900 ${mode === "json" ? "font-mono" : ""} ${error ? "border-red-400 focus:border-red-500" : "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700"}`}
        />
      )}
      {error ? (
        <p className="text-xs text-red-600" data-testid={`${testId}-error`}>
          Not valid JSON: {error}
        </p>
      ) : null}
    </div>
  );
}
