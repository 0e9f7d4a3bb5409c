/** How a model of the demo behaves: who serves it, how it caches, how fast it answers. */
export interface ModelProfile {
  name: string;
  /** `gen_ai.provider.name` as the OTel GenAI conventions spell it. */
  provider: string;
  /** What the provider reports back: often a dated snapshot of the requested alias. */
  responseModel: string;
  /** automatic: cached prefixes are read silently (OpenAI, Gemini); explicit: written then read. */
  caching: "automatic" | "explicit" | "none";
  reasoning: boolean;
  firstTokenMs: number;
  msPerOutputToken: number;
}

export type ChatModelName =
  | "gpt-4o"
  | "gpt-4o-mini"
  | "o3-mini"
  | "claude-sonnet-4-5"
  | "claude-3-5-haiku"
  | "gemini-2.5-flash"
  | "mistral-large-latest";

export const CHAT_MODELS: Record<ChatModelName, ModelProfile> = {
  "gpt-4o": model("gpt-4o", "openai", "gpt-4o-2024-08-06", "automatic", 420, 11),
  "gpt-4o-mini": model("gpt-4o-mini", "openai", "gpt-4o-mini-2024-07-18", "automatic", 300, 6),
  "o3-mini": {
    ...model("o3-mini", "openai", "o3-mini-2025-01-31", "automatic", 900, 7),
    reasoning: true,
  },
  "claude-sonnet-4-5": model(
    "claude-sonnet-4-5",
    "anthropic",
    "claude-sonnet-4-5-20250929",
    "explicit",
    650,
    13,
  ),
  "claude-3-5-haiku": model(
    "claude-3-5-haiku",
    "anthropic",
    "claude-3-5-haiku-20241022",
    "explicit",
    380,
    7,
  ),
  "gemini-2.5-flash": model(
    "gemini-2.5-flash",
    "gcp.gemini",
    "gemini-2.5-flash",
    "automatic",
    350,
    4,
  ),
  "mistral-large-latest": model(
    "mistral-large-latest",
    "mistral_ai",
    "mistral-large-2411",
    "none",
    500,
    12,
  ),
};

export const EMBEDDING_MODEL = {
  name: "text-embedding-3-small",
  provider: "openai",
  dimensions: 1536,
} as const;

function model(
  name: string,
  provider: string,
  responseModel: string,
  caching: ModelProfile["caching"],
  firstTokenMs: number,
  msPerOutputToken: number,
): ModelProfile {
  return {
    name,
    provider,
    responseModel,
    caching,
    reasoning: false,
    firstTokenMs,
    msPerOutputToken,
  };
}

/** A user of the fictional product; `weight` makes some users far busier than others. */
export interface DemoUser {
  id: string;
  plan: "free" | "plus" | "business" | "enterprise";
  weight: number;
}

export const USERS: readonly DemoUser[] = [
  { id: "user-ava-chen", plan: "enterprise", weight: 9 },
  { id: "user-ben-okafor", plan: "business", weight: 7 },
  { id: "user-carla-ruiz", plan: "plus", weight: 6 },
  { id: "user-dmitri-ivanov", plan: "enterprise", weight: 5 },
  { id: "user-emma-schulz", plan: "free", weight: 5 },
  { id: "user-farid-haddad", plan: "business", weight: 4 },
  { id: "user-grace-kim", plan: "plus", weight: 3 },
  { id: "user-hugo-martin", plan: "free", weight: 3 },
  { id: "user-ines-costa", plan: "business", weight: 2 },
  { id: "user-jonas-berg", plan: "free", weight: 2 },
  { id: "user-keiko-sato", plan: "enterprise", weight: 1 },
  { id: "user-liam-walsh", plan: "plus", weight: 1 },
];

export const SUPPORT_QUESTIONS: readonly string[] = [
  "How do I get a refund for my annual plan?",
  "Why was my card declined and what happens if I don't pay?",
  "How do I set up SSO with Okta?",
  "Can I move my workspace from the US to the EU region?",
  "How long do you keep deleted pages?",
  "How do I add our VAT number to invoices?",
  "What happens to my data if I cancel the subscription?",
  "How do I require two-factor authentication for everyone?",
  "Is there a discount for nonprofits?",
  "How do I export everything as Markdown?",
  "What is the file upload limit on the free plan?",
  "Can guests see pages they were not invited to?",
  "How do I reset my password if we use SSO?",
  "What uptime do you guarantee on Enterprise?",
];

export const SEARCH_QUERIES: readonly string[] = [
  "api rate limit 429 retry-after",
  "webhook signature hmac",
  "scim token provisioning",
  "audit log export csv siem",
  "backup restore point in time",
  "offline mode mobile sync conflicts",
  "search filters author tag updated",
  "data processing agreement gdpr",
  "invite guests seats",
  "ai assistant monthly limit",
  "delete workspace restore",
  "browser support safari",
];

/** An agent task and the tool calls a good plan makes for it. */
export interface AgentTask {
  task: string;
  calls: ReadonlyArray<{ tool: "calculator" | "weather" | "search"; argument: string }>;
}

export const AGENT_TASKS: readonly AgentTask[] = [
  {
    task: "What's the weather in Lisbon, and what is an 18% tip on a 64.50 bill?",
    calls: [
      { tool: "weather", argument: "Lisbon" },
      { tool: "calculator", argument: "64.50 * 0.18" },
    ],
  },
  {
    task: "How many API write requests can 3 keys make in one hour?",
    calls: [
      { tool: "search", argument: "api rate limits write requests per key" },
      { tool: "calculator", argument: "60 * 60 * 3" },
    ],
  },
  {
    task: "Is it warmer in Oslo or in Madrid right now?",
    calls: [
      { tool: "weather", argument: "Oslo" },
      { tool: "weather", argument: "Madrid" },
    ],
  },
  {
    task:
      "What would a 25% service credit on a 1200 dollar invoice come to, " +
      "and when can I claim it?",
    calls: [
      { tool: "search", argument: "uptime sla service credits" },
      { tool: "calculator", argument: "1200 * 0.25" },
    ],
  },
  {
    task: "Average the daily signups 12, 19 and 23 over the number of failed days (none so far).",
    calls: [{ tool: "calculator", argument: "(12 + 19 + 23) / 0" }],
  },
  {
    task: "How much storage do 7 seats on a paid plan get, in terabytes?",
    calls: [
      { tool: "search", argument: "storage upload limits paid plan per seat" },
      { tool: "calculator", argument: "100 * 7 / 1000" },
    ],
  },
  {
    task:
      "Check the weather in Reykjavik and tell me how long an export download link " +
      "stays valid.",
    calls: [
      { tool: "weather", argument: "Reykjavik" },
      { tool: "search", argument: "export download link expires" },
    ],
  },
  {
    task: "If our 40 members each use the AI assistant 30 times a month, are we within fair use?",
    calls: [
      { tool: "search", argument: "ai assistant usage limits fair use" },
      { tool: "calculator", argument: "40 * 30" },
    ],
  },
];
