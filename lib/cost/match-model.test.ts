import { describe, expect, it } from "vitest";
import { listBuiltinPrices } from "./builtin-prices";
import { PriceBook, stripDatedSuffix, stripProviderPrefix } from "./match-model";
import type { ModelPrice } from "./types";

const now = new Date("2026-12-01T00:00:00Z");
const book = new PriceBook(listBuiltinPrices());

function resolvedModel(models: (string | null)[], at = now): string | null {
  return book.resolve(models, at)?.price.model ?? null;
}

describe("model name forms", () => {
  it.each([
    ["openai/gpt-4o", "gpt-4o"],
    ["azure/my-deployment", "my-deployment"],
    ["models/gemini-2.5-pro", "gemini-2.5-pro"],
    ["us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929-v1:0"],
    ["openai:gpt-4o", "gpt-4o"],
    ["google-gla:gemini-2.5-pro", "gemini-2.5-pro"],
    ["llama3:8b", "llama3:8b"],
    ["anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307-v1:0"],
  ])("strips the prefix of %s", (model, expected) => {
    expect(stripProviderPrefix(model)).toBe(expected);
  });

  it.each([
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["claude-3-5-haiku-20241022", "claude-3-5-haiku"],
    ["claude-3-5-sonnet@20240620", "claude-3-5-sonnet"],
    ["claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5"],
    ["gemini-1.5-pro-002", "gemini-1.5-pro"],
    ["mistral-large-latest", "mistral-large"],
    ["gpt-4o", "gpt-4o"],
    // Regression: Vertex's Claude ids put the version before the date, Mistral dates by YYMM
    // and OpenAI's older snapshots by MMDD; all three stayed unpriced.
    ["claude-3-5-sonnet-v2@20241022", "claude-3-5-sonnet"],
    ["mistral-large-2411", "mistral-large"],
    ["mistral-large-2407-v1:0", "mistral-large"],
    ["gpt-4-0613", "gpt-4"],
    ["text-bison@001", "text-bison"],
    ["text-embedding-3-small", "text-embedding-3-small"],
  ])("strips the dated suffix of %s", (model, expected) => {
    expect(stripDatedSuffix(model)).toBe(expected);
  });
});

describe("PriceBook.resolve", () => {
  it.each([
    [["gpt-4o-mini"], "gpt-4o-mini"],
    [["GPT-4o-Mini"], "gpt-4o-mini"],
    [["openai/gpt-4.1"], "gpt-4.1"],
    [["gpt-4o-2024-08-06"], "gpt-4o"],
    [["us.anthropic.claude-sonnet-4-5-20250929-v1:0"], "claude-sonnet-4-5"],
    [["claude-sonnet-4-20250514"], "claude-sonnet-4-5"],
    [["mistral-large-latest"], "mistral-large"],
    // An exact request-model match comes before stripping the response model's date.
    [["gpt-4o-mini-2024-07-18", "gpt-4o"], "gpt-4o"],
    [["gpt-4o-mini-2024-07-18", "unknown"], "gpt-4o-mini"],
    [[null, "gemini-2.5-flash"], "gemini-2.5-flash"],
    [["my-finetune", "gpt-4o-mini"], "gpt-4o-mini"],
    [["claude-3-5-sonnet-v2@20241022"], "claude-3-7-sonnet"],
    [["mistral-small-2503"], "mistral-small"],
    [["codestral-2501"], "codestral"],
    [["mistral.mistral-large-2407-v1:0"], "mistral-large"],
    [["gpt-3.5-turbo-0125"], "gpt-3.5-turbo"],
    // pydantic-ai and LangChain's init_chat_model name models `provider:model`.
    [["openai:gpt-4o-mini"], "gpt-4o-mini"],
    [["google-gla:gemini-2.5-flash"], "gemini-2.5-flash"],
    // Regression: LiteLLM prefixes a model whose own name holds a slash; only the part after
    // the last slash was tried, so the name was lost.
    [
      ["together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"],
      "meta-llama/llama-3.3-70b-instruct-turbo",
    ],
  ])("prices %j as %s", (models, expected) => {
    expect(resolvedModel(models)).toBe(expected);
  });

  it("prefers the response model to the request model", () => {
    expect(resolvedModel(["gpt-4o-mini", "gpt-4o"])).toBe("gpt-4o-mini");
    expect(resolvedModel(["gpt-4o", "gpt-4o-mini"])).toBe("gpt-4o");
  });

  // Regression: gpt-4o-2024-05-13 kept its launch price when gpt-4o's dropped; stripped to
  // gpt-4o it was priced at half its rate after 2024-10-02.
  it.each([
    ["gpt-4o-2024-05-13", "0.000005", "0.000015"],
    ["gpt-4o-2024-08-06", "0.0000025", "0.00001"],
    ["gpt-3.5-turbo-1106", "0.000001", "0.000002"],
    ["gpt-3.5-turbo-0613", "0.0000015", "0.000002"],
    ["gpt-3.5-turbo-0125", "0.0000005", "0.0000015"],
  ])("prices the snapshot %s at its own rates", (model, input, output) => {
    const rates = book.resolve([model], now)?.price.rates;
    expect(rates).toMatchObject({ input, output });
  });

  it("returns null for an unknown model instead of a zero price", () => {
    expect(book.resolve(["totally-unknown-model"], now)).toBeNull();
    expect(book.resolve([null, null], now)).toBeNull();
  });

  it("applies the price in force at a span's start; the boundary belongs to the new price", () => {
    const before = book.resolve(["gpt-4o"], new Date("2024-10-01T23:59:59.999Z"));
    const at = book.resolve(["gpt-4o"], new Date("2024-10-02T00:00:00Z"));
    expect(before?.price.rates.input).toBe("0.000005");
    expect(at?.price.rates.input).toBe("0.0000025");
    expect(book.resolve(["gpt-4o"], new Date("2020-01-01T00:00:00Z"))).toBeNull();
  });

  it("lets a project price or alias beat the built-in one", () => {
    const custom: ModelPrice = {
      id: "custom-1",
      projectId: "project-1",
      model: "gpt-4o-mini",
      aliases: ["my-azure-deployment"],
      provider: "azure",
      effectiveFrom: new Date("2025-01-01T00:00:00Z"),
      rates: { ...listBuiltinPrices()[0]!.rates, input: "0.000001" },
      tiers: [],
    };
    const projectBook = new PriceBook([...listBuiltinPrices(), custom]);
    expect(projectBook.resolve(["gpt-4o-mini"], now)?.price.id).toBe("custom-1");
    expect(projectBook.resolve(["azure/my-azure-deployment"], now)?.price.id).toBe("custom-1");
  });
});
