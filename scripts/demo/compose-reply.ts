import type { AgentTask } from "./catalog";
import { DOCUMENTS, type KnowledgeDocument } from "./documents";
import type { SeededRandom } from "./random";
import { toTerms } from "./search-documents";

// The texts the stand-in model "writes". Built from the question and the documents it was
// given, so that inputs and outputs in the UI read like a real assistant's, and token counts
// grow with what was retrieved.

/** The assistant's standing instructions plus the whole help center (a long, cacheable prefix). */
export const SUPPORT_SYSTEM_PROMPT = [
  "You are Northwind's support assistant. Answer from the help center below, cite the article " +
    "titles you used, keep answers under 120 words, and hand over to a human for refunds " +
    "above 500 dollars or anything about legal disputes.",
  "",
  "# Help center",
  ...DOCUMENTS.map((document) => `## ${document.title} (${document.id})\n${document.content}`),
].join("\n");

export const AGENT_SYSTEM_PROMPT =
  "You are an operations agent with three tools: calculator(expression), weather(city) and " +
  "search(query) over the help center. Plan the tool calls first, then answer in two sentences.";

const OPENERS = [
  "Thanks for reaching out!",
  "Good question.",
  "Here is what applies to your workspace.",
  "Happy to help with that.",
  "Sure.",
];
const CLOSERS = [
  "Let me know if anything is unclear.",
  "Anything else I can help with?",
  "I hope this helps.",
  "If this does not solve it, I can connect you with a teammate.",
];

/** A search query distilled from a conversational question. */
export function composeRewrittenQuery(question: string): string {
  return toTerms(question).join(" ");
}

/** An answer quoting the best documents and citing them. */
export function composeGroundedAnswer(
  documents: readonly KnowledgeDocument[],
  random: SeededRandom,
): string {
  if (documents.length === 0) {
    return "I could not find this in the help center, so I am handing your question to a teammate.";
  }
  const facts = documents
    .slice(0, 2)
    .map((document) => `${firstSentences(document.content, 2)} (see "${document.title}")`);
  return [random.pick(OPENERS), ...facts, random.pick(CLOSERS)].join(" ");
}

/** A short chat follow-up, referring back to the previous answer. */
export function composeFollowUp(question: string, random: SeededRandom): string {
  const topic = toTerms(question).slice(0, 3).join(" ") || "that";
  return [
    random.pick(["Yes.", "Good point.", "To add to my previous answer:", "Right."]),
    `For ${topic}, the same rules apply as above,`,
    random.pick([
      "and the change shows up within a few minutes.",
      "and an owner or admin has to confirm it.",
      "and you can undo it within 30 days.",
    ]),
    random.pick(CLOSERS),
  ].join(" ");
}

/** The plan a model returns: one tool call per step, as JSON. */
export function composePlan(task: AgentTask): string {
  return JSON.stringify({
    steps: task.calls.map((call, index) => ({
      id: `call_${index + 1}`,
      tool: call.tool,
      argument: call.argument,
    })),
  });
}

/** The model's look back at the tool results, noting failures to work around. */
export function composeReflection(
  results: ReadonlyArray<{ tool: string; result: string }>,
): string {
  const failed = results.filter((entry) => entry.result.startsWith("error:"));
  if (failed.length === 0) return "All tool calls succeeded and their results are consistent.";
  return (
    failed.map((entry) => `The ${entry.tool} call failed (${entry.result.slice(7)}).`).join(" ") +
    " I will answer with what I have and say what is missing."
  );
}

/** The agent's final answer, built from the tool results. */
export function composeAgentAnswer(
  task: AgentTask,
  results: ReadonlyArray<{ tool: string; result: string }>,
): string {
  const usable = results.filter((entry) => !entry.result.startsWith("error:"));
  const facts = usable.map((entry) => `${entry.tool} says ${entry.result.slice(0, 160)}`);
  const gap =
    usable.length < results.length ? " One lookup failed, so this may be incomplete." : "";
  return `For "${task.task}": ${facts.join("; ") || "no tool returned a result"}.${gap}`;
}

/** A one-sentence summary of a chunk. */
export function composeChunkSummary(chunk: string): string {
  return `Key point: ${firstSentences(chunk, 1)}`;
}

/** The combined summary of several chunk summaries. */
export function composeSummary(title: string, chunkSummaries: readonly string[]): string {
  const points = chunkSummaries.map((summary) => summary.replace(/^Key point: /, "- "));
  return `Summary of "${title}":\n${points.join("\n")}`;
}

function firstSentences(text: string, count: number): string {
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  return sentences.slice(0, count).join("").trim();
}
