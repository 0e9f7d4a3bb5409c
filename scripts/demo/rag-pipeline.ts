import { SEARCH_QUERIES, SUPPORT_QUESTIONS, type ChatModelName } from "./catalog";
import {
  composeGroundedAnswer,
  composeRewrittenQuery,
  SUPPORT_SYSTEM_PROMPT,
} from "./compose-reply";
import { countPromptTokens } from "./local-model";
import { rerankDocuments, searchDocuments, type ScoredDocument } from "./search-documents";
import type { TraceBuilder } from "./trace-builder";

const ANSWER_MODELS: readonly ChatModelName[] = [
  "gpt-4o",
  "claude-sonnet-4-5",
  "mistral-large-latest",
  "gemini-2.5-flash",
];

/**
 * Retrieval-augmented answer: rewrite the question → embed it → retrieve (BM25 over the bundled
 * help center) → rerank → answer with the top documents. Returns the trace id.
 */
export async function runRagPipeline(
  builder: TraceBuilder,
  options: { feature: "search" | "support-bot"; slow: boolean },
): Promise<string> {
  const { random } = builder;
  const question = random.pick(options.feature === "search" ? SEARCH_QUERIES : SUPPORT_QUESTIONS);
  const root = builder.open((startTime) =>
    builder.client.startChain({ name: "rag-pipeline", input: question, startTime }),
  );

  const rewritten = composeRewrittenQuery(question);
  await builder.generation({
    name: "rewrite-query",
    parent: root,
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "Rewrite the user's question as a short keyword search query." },
      { role: "user", content: question },
    ],
    text: rewritten,
    modelParameters: { temperature: 0, max_tokens: 64 },
  });
  await builder.embedding("embed-query", root, [rewritten]);

  const candidates = searchDocuments(rewritten, 8);
  await builder.retrieval("retrieve", root, rewritten, candidates.map(toRetrieved));
  const reranked = rerankDocuments(rewritten, candidates).slice(0, 3);
  await builder.retrieval(
    "rerank",
    root,
    { query: rewritten, candidates: candidates.map(({ document }) => document.id) },
    reranked.map(toRetrieved),
  );

  const model = random.pick(ANSWER_MODELS);
  const context = reranked.map(({ document }) => `[${document.title}] ${document.content}`);
  const system = { role: "system" as const, content: SUPPORT_SYSTEM_PROMPT };
  const answer = await builder.generation({
    name: "answer",
    parent: root,
    model,
    messages: [system, { role: "user", content: `${question}\n\nContext:\n${context.join("\n")}` }],
    text: composeGroundedAnswer(
      reranked.map(({ document }) => document),
      random,
    ),
    cache: { prefixTokens: countPromptTokens([system]), warm: random.chance(0.7) },
    modelParameters: { temperature: 0.3, max_tokens: 400 },
    extraLatencyMs: options.slow ? random.int(42_000, 58_000) : 0,
  });

  await builder.close(root, random.int(2, 8), { output: answer.text });
  return root.traceId;
}

function toRetrieved({ document, score }: ScoredDocument) {
  return { id: document.id, content: document.content, score, metadata: { title: document.title } };
}
