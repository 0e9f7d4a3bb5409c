"use client";

import type { AttributeEntry } from "@/lib/explorer/attribute-entries";
import type { SpanDetail } from "@/lib/explorer/types";
import { JsonView } from "./json-view";

/** The OTLP side of a span: attributes, resource, scope, events, links and the mapping report. */

function AttributeValue({ entry }: { entry: AttributeEntry }) {
  if (typeof entry.value === "object" && entry.value !== null) {
    return <JsonView value={entry.value} defaultOpenDepth={1} />;
  }
  return (
    <span className="font-mono text-xs break-all whitespace-pre-wrap">
      {entry.value === null ? "null" : String(entry.value)}
    </span>
  );
}

export function AttributeTable({
  entries,
  emptyText = "None",
}: {
  entries: AttributeEntry[];
  emptyText?: string;
}) {
  if (entries.length === 0) return <p className="text-xs text-zinc-500">{emptyText}</p>;
  return (
    <table className="w-full table-fixed text-left text-xs" data-testid="attribute-table">
      <tbody>
        {entries.map((entry, index) => (
          <tr
            key={`${entry.key}:${index}`}
            className="border-t border-zinc-100 align-top dark:border-zinc-800"
          >
            <td className="w-2/5 py-1 pr-2 font-mono break-all text-zinc-600 dark:text-zinc-400">
              {entry.key}
              <span className="ml-1 text-[10px] text-zinc-400">{entry.valueType}</span>
            </td>
            <td className="py-1">
              <AttributeValue entry={entry} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h4>
      {children}
    </section>
  );
}

export function AttributesTab({ span }: { span: SpanDetail }) {
  return (
    <div className="space-y-5">
      <Section title={`Span attributes (${span.attributes.length})`}>
        <AttributeTable entries={span.attributes} />
      </Section>
      {span.modelParameters ? (
        <Section title="Model parameters">
          <JsonView value={span.modelParameters} />
        </Section>
      ) : null}
      {span.metadata ? (
        <Section title="Metadata">
          <JsonView value={span.metadata} />
        </Section>
      ) : null}
      <Section title={`Resource (${span.resource.attributes.length})`}>
        <AttributeTable entries={span.resource.attributes} />
        {span.resource.schemaUrl ? (
          <p className="text-xs text-zinc-500">schema {span.resource.schemaUrl}</p>
        ) : null}
      </Section>
      <Section title="Instrumentation scope">
        <p className="font-mono text-xs">
          {span.scope.name ?? "(unnamed)"}
          {span.scope.version ? ` ${span.scope.version}` : ""}
        </p>
        {span.scope.attributes.length > 0 ? (
          <AttributeTable entries={span.scope.attributes} />
        ) : null}
      </Section>
    </div>
  );
}

function offsetFrom(startNs: string, timeUnixNano: string | null): string {
  if (!timeUnixNano || !/^\d+$/.test(timeUnixNano)) return "";
  const offset = Number(BigInt(timeUnixNano) - BigInt(startNs)) / 1_000_000;
  return `+${offset.toFixed(2)}ms`;
}

export function EventsTab({ span }: { span: SpanDetail }) {
  return (
    <div className="space-y-5">
      <Section title={`Events (${span.events.length})`}>
        {span.events.length === 0 ? <p className="text-xs text-zinc-500">None</p> : null}
        <ol className="space-y-3">
          {span.events.map((event, index) => (
            <li key={index} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              <div className="mb-1 flex items-baseline gap-2 text-xs">
                <span
                  className={`font-mono font-medium ${event.name === "exception" ? "text-red-600 dark:text-red-400" : ""}`}
                >
                  {event.name}
                </span>
                <span className="font-mono text-zinc-500">
                  {offsetFrom(span.startNs, event.timeUnixNano)}
                </span>
              </div>
              <AttributeTable entries={event.attributes} emptyText="No attributes" />
            </li>
          ))}
        </ol>
      </Section>
      {span.links.length > 0 ? (
        <Section title={`Links (${span.links.length})`}>
          <ol className="space-y-2">
            {span.links.map((link, index) => (
              <li key={index} className="text-xs">
                <span className="font-mono">
                  trace {link.traceId} · span {link.spanId}
                </span>
                {link.attributes.length > 0 ? <AttributeTable entries={link.attributes} /> : null}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </div>
  );
}

export function MappingTab({ span }: { span: SpanDetail }) {
  return (
    <div className="space-y-5">
      <Section title="Mapping report">
        <p className="text-xs text-zinc-500">
          Which attribute (or event) each observation field was read from at ingest.
        </p>
        {span.mappingReport.length === 0 ? (
          <p className="text-xs text-zinc-500">Nothing mapped: no known convention matched.</p>
        ) : (
          <table className="w-full text-left text-xs" data-testid="mapping-report">
            <thead className="text-zinc-500">
              <tr>
                <th className="py-1 font-medium">Field</th>
                <th className="py-1 font-medium">Source</th>
              </tr>
            </thead>
            <tbody>
              {span.mappingReport.map((line, index) => (
                <tr key={index} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-2 font-mono">{line.field}</td>
                  <td className="py-1 font-mono break-all text-zinc-600 dark:text-zinc-400">
                    {line.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={`Ingest warnings (${span.warnings.length})`}>
        {span.warnings.length === 0 ? <p className="text-xs text-zinc-500">None</p> : null}
        <ul className="list-disc space-y-0.5 pl-4 text-xs text-amber-800 dark:text-amber-300">
          {span.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      </Section>
      <Section title="Dropped by the client">
        <JsonView value={span.droppedCounts} defaultOpenDepth={1} />
      </Section>
    </div>
  );
}
