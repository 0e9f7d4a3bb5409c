import type { ModelPrice } from "./types";

/** The forms a model name is tried in: as reported, unprefixed, then undated. */
const NAME_FORMS: ((model: string) => string)[] = [
  (model) => model,
  // A router's prefix before a name that holds a slash itself (`together_ai/meta-llama/…`).
  (model) => model.slice(model.indexOf("/") + 1),
  (model) => stripProviderPrefix(model),
  (model) => stripDatedSuffix(stripProviderPrefix(model)),
];

/** `provider:` before a name starting with a letter; not Bedrock's `:0` nor Ollama's `:8b`. */
const COLON_PREFIX = /^[a-z][a-z0-9_-]*:(?=[a-z])/i;

/**
 * Drops a provider or deployment prefix: `openai/gpt-4o`, `models/gemini-2.5-pro`,
 * `us.anthropic.claude-sonnet-4-5-20250929-v1:0`, `openai:gpt-4o` (pydantic-ai, LangChain).
 */
export function stripProviderPrefix(model: string): string {
  const afterSlash = model.slice(model.lastIndexOf("/") + 1);
  return afterSlash
    .replace(/^(?:(?:us|eu|apac|global)\.)?(?:anthropic|meta|mistral|amazon|cohere)\./i, "")
    .replace(COLON_PREFIX, "");
}

/** Dated or versioned suffixes, each stripped wherever it stands among the others. */
const DATED_SUFFIXES: readonly RegExp[] = [
  // Bedrock's `-v1:0` and the version of Vertex's `claude-3-5-sonnet-v2@20241022`.
  /-v\d+(?::\d+)?$/i,
  /[-@](?:\d{4}-\d{2}-\d{2}|\d{8})$/,
  // `-001` (Gemini), `@001` (Vertex), `-2411` (Mistral's YYMM), `-0613` (OpenAI's MMDD).
  /[-@](?:\d{3,4}|latest)$/i,
];

/**
 * Drops dated or versioned suffixes: `-2024-08-06`, `-20241022`, `@20241022`, `-v2:0`, `-001`,
 * `-2411`, `-latest`, also stacked (`-v2@20241022`, `-2407-v1:0`).
 */
export function stripDatedSuffix(model: string): string {
  let name = model;
  for (let previous = ""; previous !== name;) {
    previous = name;
    for (const suffix of DATED_SUFFIXES) name = name.replace(suffix, "");
  }
  return name;
}

function priceNames(price: ModelPrice): string[] {
  return [price.model, ...price.aliases].map((name) => name.toLowerCase());
}

/** The price in force at `at`: the newest one whose effective date is not after it. */
function inForce(prices: ModelPrice[], at: Date): ModelPrice | null {
  let best: ModelPrice | null = null;
  for (const price of prices) {
    if (price.effectiveFrom.getTime() > at.getTime()) continue;
    if (!best || price.effectiveFrom.getTime() > best.effectiveFrom.getTime()) best = price;
  }
  return best;
}

/** An index of prices by every name they answer to, for one project (its own plus built-in). */
export class PriceBook {
  private readonly byName = new Map<string, { custom: ModelPrice[]; builtIn: ModelPrice[] }>();

  /** The prices indexed, kept so that the book can be rebuilt elsewhere (an ingest worker). */
  constructor(readonly prices: readonly ModelPrice[]) {
    for (const price of prices) {
      for (const name of priceNames(price)) {
        const entry = this.byName.get(name) ?? { custom: [], builtIn: [] };
        (price.projectId ? entry.custom : entry.builtIn).push(price);
        this.byName.set(name, entry);
      }
    }
  }

  private lookup(name: string, at: Date): ModelPrice | null {
    const entry = this.byName.get(name);
    if (!entry) return null;
    return inForce(entry.custom, at) ?? inForce(entry.builtIn, at);
  }

  /**
   * Resolves the price for a span: the response model, then the request model, each tried as
   * reported, without provider prefix, then without dated suffix. A project's own price beats a
   * built-in one for the same name. Null when nothing matches (the span is "unpriced").
   */
  resolve(models: (string | null)[], at: Date): { price: ModelPrice; matchedName: string } | null {
    const candidates = models.filter((model): model is string => Boolean(model?.trim()));
    for (const form of NAME_FORMS) {
      for (const model of candidates) {
        const name = form(model.trim()).toLowerCase();
        const price = this.lookup(name, at);
        if (price) return { price, matchedName: name };
      }
    }
    return null;
  }
}
