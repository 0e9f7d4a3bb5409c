import { SUPPORT_QUESTIONS, type ChatModelName } from "./catalog";
import { composeFollowUp, composeGroundedAnswer, SUPPORT_SYSTEM_PROMPT } from "./compose-reply";
import { countPromptTokens, type PromptMessage } from "./local-model";
import { searchDocuments } from "./search-documents";
import type { TraceBuilder } from "./trace-builder";

const FOLLOW_UPS: readonly string[] = [
  "Does that also apply to the free plan?",
  "How long does that take to show up?",
  "Can an admin do it for me instead?",
  "And what if we are on the Enterprise plan?",
  "Will my teammates be notified?",
];

const SESSION_MODELS: readonly ChatModelName[] = ["claude-3-5-haiku", "gpt-4o-mini"];

/** One turn of a multi-turn chat; every turn is its own trace sharing the session id. */
export interface ChatTurnInput {
  history: PromptMessage[];
  turn: number;
  model: ChatModelName;
}

/**
 * The first turn retrieves help-center articles; later turns answer from the conversation.
 * The long system prompt is cached after the first turn, so cached input tokens grow with the
 * session. Returns the trace id and the history for the next turn.
 */
export async function runChatTurn(
  builder: TraceBuilder,
  input: ChatTurnInput,
): Promise<{ traceId: string; history: PromptMessage[] }> {
  const { random } = builder;
  const question = input.turn === 0 ? random.pick(SUPPORT_QUESTIONS) : random.pick(FOLLOW_UPS);
  const root = builder.open((startTime) =>
    builder.client.startChain({ name: "support-chat-turn", input: question, startTime }),
  );

  const guardrail = builder.open((startTime) =>
    builder.client.startObservation({
      name: "pii-check",
      type: "GUARDRAIL",
      parent: root,
      input: question,
      startTime,
    }),
  );
  await builder.close(guardrail, random.int(8, 30), { output: { pii: false, action: "allow" } });

  const documents = input.turn === 0 ? searchDocuments(question, 3) : [];
  if (documents.length > 0) {
    await builder.retrieval(
      "retrieve",
      root,
      question,
      documents.map(({ document, score }) => ({
        id: document.id,
        content: document.content,
        score,
      })),
    );
  }

  const system: PromptMessage = { role: "system", content: SUPPORT_SYSTEM_PROMPT };
  const history: PromptMessage[] = [...input.history, { role: "user", content: question }];
  const text =
    input.turn === 0
      ? composeGroundedAnswer(
          documents.map(({ document }) => document),
          random,
        )
      : composeFollowUp(question, random);
  const reply = await builder.generation({
    name: "reply",
    parent: root,
    model: input.model,
    messages: [system, ...history],
    text,
    cache: { prefixTokens: countPromptTokens([system, ...input.history]), warm: input.turn > 0 },
    modelParameters: { temperature: 0.4, max_tokens: 300 },
  });

  await builder.close(root, random.int(2, 6), { output: reply.text });
  return {
    traceId: root.traceId,
    history: [...history, { role: "assistant", content: reply.text }],
  };
}

/** The model a whole session talks to. */
export function pickChatModel(builder: TraceBuilder): ChatModelName {
  return builder.random.pick(SESSION_MODELS);
}
