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

/**
 * A JSON text area that says at once whether its text is valid JSON, with a markdown preview
 * when the value is a string (rendered safely: no HTML from the text ever runs).
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
  text: string;
  onChange: (text: string) => void;
  testId: string;
  rows?: number;
  readOnly?: boolean;
}) {
  const [preview, setPreview] = useState(false);
  const parsed = parseEditorText(text);
  const error = "error" in parsed ? parsed.error : null;
  const markdown = !error && "value" in parsed && typeof parsed.value === "string";

  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <span className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{label}</span>
        {markdown ? (
          <button
            type="button"
            className="ml-auto text-xs text-indigo-600 hover:underline dark:text-indigo-400"
            onClick={() => setPreview(!preview)}
            data-testid={`${testId}-preview-toggle`}
          >
            {preview ? "Edit JSON" : "Preview markdown"}
          </button>
        ) : null}
      </div>
      {preview && markdown && "value" in parsed ? (
        <div
          className="max-h-80 overflow-auto rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          data-testid={`${testId}-preview`}
        >
          <SafeMarkdown text={parsed.value as string} />
        </div>
      ) : (
        <textarea
          aria-label={label}
          data-testid={testId}
          value={text}
          readOnly={readOnly}
          rows={rows}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          className={`block w-full rounded-md border bg-white px-3 py-2 font-mono text-xs shadow-sm focus:outline-none dark:bg-zinc-900 ${error ? "border-red-400 focus:border-red-500" : "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700"}`}
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
