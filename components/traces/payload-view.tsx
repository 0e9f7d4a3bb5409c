"use client";

import { useMemo } from "react";
import {
  parseJsonIfStructured,
  readPayloadView,
  type ChatMessageView,
  type ContentPart,
  type DocumentView,
  type ToolCallView,
} from "@/lib/explorer/payload-view";
import { safeLinkHref, UNTRUSTED_LINK_REL } from "@/lib/explorer/safe-url";
import { readMediaTag } from "@/lib/media/media-tag";
import { JsonView } from "./json-view";
import { MediaReference } from "./media-reference";
import { PlainText, SafeMarkdown } from "./safe-markdown";

/**
 * A span's input or output as a reader wants it: a chat with roles, tool calls and tool results,
 * retrieved documents with their scores, text rendered as safe markdown, or JSON.
 */

const ROLE_STYLES: Record<string, string> = {
  system: "border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900",
  developer: "border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900",
  user: "border-sky-200 bg-sky-50/60 dark:border-sky-900 dark:bg-sky-950/30",
  assistant: "border-emerald-200 bg-emerald-50/60 dark:border-emerald-900 dark:bg-emerald-950/30",
  tool: "border-amber-200 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/30",
};

function ImagePart({ url }: { url: string | null }) {
  const tag = url ? readMediaTag(url) : null;
  if (tag) return <MediaReference tag={tag} />;
  const safe = url && !url.startsWith("data:") ? safeLinkHref(url) : null;
  const label = url?.startsWith("data:") ? "[inline image data, not shown]" : "[image, not loaded]";
  return (
    <div className="my-1 font-mono text-xs text-zinc-500">
      {label}{" "}
      {safe ? (
        <a
          href={safe}
          target="_blank"
          rel={UNTRUSTED_LINK_REL}
          referrerPolicy="no-referrer"
          className="break-all text-indigo-600 underline decoration-dotted dark:text-indigo-400"
        >
          {safe}
        </a>
      ) : null}
    </div>
  );
}

function ContentParts({ parts }: { parts: ContentPart[] }) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.type === "text") return <SafeMarkdown key={index} text={part.text} />;
        if (part.type === "image") return <ImagePart key={index} url={part.url} />;
        return <JsonView key={index} value={part.value} defaultOpenDepth={1} />;
      })}
    </>
  );
}

function ValueBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <span className="text-xs text-zinc-500">—</span>;
  if (typeof value === "string") return <PlainText text={value} />;
  return <JsonView value={value} defaultOpenDepth={2} />;
}

function ToolCall({ call }: { call: ToolCallView }) {
  return (
    <div
      className="mt-2 rounded-md border border-orange-200 bg-white p-2 dark:border-orange-900 dark:bg-zinc-950"
      data-testid="tool-call"
    >
      <div className="mb-1 flex items-center gap-2 text-xs">
        <span className="rounded bg-orange-100 px-1.5 py-px font-semibold text-orange-800 dark:bg-orange-950 dark:text-orange-300">
          tool call
        </span>
        <span className="font-mono font-medium">{call.name}</span>
        {call.id ? <span className="font-mono text-zinc-500">{call.id}</span> : null}
      </div>
      <ValueBlock value={call.arguments} />
    </div>
  );
}

function ChatMessage({ message }: { message: ChatMessageView }) {
  const style = ROLE_STYLES[message.role] ?? ROLE_STYLES.system;
  return (
    <div
      className={`rounded-lg border p-3 ${style}`}
      data-testid="chat-message"
      data-role={message.role}
    >
      <div className="mb-1.5 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
          {message.role}
        </span>
        {message.name ? <span className="font-mono text-zinc-500">{message.name}</span> : null}
        {message.toolCallId ? (
          <span className="font-mono text-zinc-500">result of {message.toolCallId}</span>
        ) : null}
      </div>
      {message.role === "tool" &&
      message.parts.length === 1 &&
      message.parts[0]?.type === "text" ? (
        <ToolResultText text={message.parts[0].text} />
      ) : (
        <ContentParts parts={message.parts} />
      )}
      {message.toolCalls.map((call, index) => (
        <ToolCall key={call.id ?? index} call={call} />
      ))}
    </div>
  );
}

/** A tool result is often JSON text: shown as JSON when it parses, as markdown otherwise. */
function ToolResultText({ text }: { text: string }) {
  const parsed = useMemo(() => parseJsonIfStructured(text), [text]);
  return typeof parsed === "string" ? <SafeMarkdown text={parsed} /> : <JsonView value={parsed} />;
}

function DocumentCard({ document, rank }: { document: DocumentView; rank: number }) {
  return (
    <li
      className="rounded-lg border border-amber-200 bg-amber-50/40 p-3 dark:border-amber-900 dark:bg-amber-950/20"
      data-testid="retrieved-document"
    >
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-semibold text-zinc-700 dark:text-zinc-300">#{rank}</span>
        {document.id ? <span className="font-mono text-zinc-500">{document.id}</span> : null}
        {document.score !== null ? (
          <span
            className="rounded bg-amber-100 px-1.5 py-px font-mono text-amber-900 dark:bg-amber-900/50 dark:text-amber-200"
            data-testid="document-score"
          >
            score {Number(document.score.toFixed(4))}
          </span>
        ) : null}
      </div>
      {document.content !== null ? <SafeMarkdown text={document.content} /> : null}
      {document.metadata !== null ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-zinc-500">metadata</summary>
          <JsonView value={document.metadata} />
        </details>
      ) : null}
    </li>
  );
}

/** Renders one payload (input or output) in the most readable form its shape allows. */
export function PayloadView({ value }: { value: unknown }) {
  const view = useMemo(() => readPayloadView(value), [value]);

  switch (view.kind) {
    case "empty":
      return <p className="text-xs text-zinc-500">None recorded</p>;
    case "text":
      return <SafeMarkdown text={view.text} />;
    case "texts":
      return (
        <ol className="list-decimal space-y-1 pl-5">
          {view.texts.map((text, index) => (
            <li key={index}>
              <PlainText text={text} />
            </li>
          ))}
        </ol>
      );
    case "chat":
      return (
        <div className="space-y-2" data-testid="chat-view">
          {view.messages.map((message, index) => (
            <ChatMessage key={index} message={message} />
          ))}
        </div>
      );
    case "documents":
      return (
        <ol className="space-y-2" data-testid="documents-view">
          {view.documents.map((document, index) => (
            <DocumentCard key={index} document={document} rank={index + 1} />
          ))}
        </ol>
      );
    case "truncated":
      return (
        <div className="space-y-2">
          <p className="rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
            Truncated at ingest: the original was {view.originalSize.toLocaleString("en-US")} bytes.
            The beginning follows.
          </p>
          <PlainText text={view.preview} />
        </div>
      );
    case "json":
      return <JsonView value={view.value} />;
  }
}
