import { composeChunkSummary, composeSummary } from "./compose-reply";
import { DOCUMENTS } from "./documents";
import type { TraceBuilder } from "./trace-builder";

/**
 * Summarizes a few help-center articles as one brief: embed the chunks (to drop near
 * duplicates) → summarize each chunk with a fast model → combine. Returns the trace id.
 */
export async function runSummarizeDocuments(
  builder: TraceBuilder,
  options: { slow: boolean },
): Promise<string> {
  const { random } = builder;
  const documents = random.sample(DOCUMENTS, random.int(2, 4));
  const title = documents.map((document) => document.title).join(", ");
  const root = builder.open((startTime) =>
    builder.client.startChain({
      name: "summarize-documents",
      input: { documentIds: documents.map((document) => document.id) },
      startTime,
    }),
  );

  const chunks = documents.map((document) => document.content);
  await builder.embedding("embed-chunks", root, chunks);

  const summaries: string[] = [];
  for (const chunk of chunks) {
    const summary = composeChunkSummary(chunk);
    await builder.generation({
      name: "summarize-chunk",
      parent: root,
      model: "gemini-2.5-flash",
      messages: [
        { role: "system", content: "Summarize the passage in one sentence." },
        { role: "user", content: chunk },
      ],
      text: summary,
      modelParameters: { temperature: 0.1, max_tokens: 120 },
    });
    summaries.push(summary);
  }

  const brief = await builder.generation({
    name: "combine-summaries",
    parent: root,
    model: "claude-3-5-haiku",
    messages: [
      { role: "system", content: "Combine the summaries into a short brief with bullet points." },
      { role: "user", content: summaries.join("\n") },
    ],
    text: composeSummary(title, summaries),
    extraLatencyMs: options.slow ? random.int(42_000, 58_000) : 0,
  });

  await builder.close(root, random.int(2, 6), { output: brief.text });
  return root.traceId;
}
