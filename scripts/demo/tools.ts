import { searchDocuments } from "./search-documents";

// The agent's tools, deterministic and offline.

/** Evaluates + - * / and parentheses; throws on division by zero, like a real calculator tool. */
export function runCalculator(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  let position = 0;

  const peek = () => tokens[position];
  const take = () => tokens[position++];

  function parseSum(): number {
    let value = parseProduct();
    while (peek() === "+" || peek() === "-")
      value = take() === "+" ? value + parseProduct() : value - parseProduct();
    return value;
  }

  function parseProduct(): number {
    let value = parseFactor();
    while (peek() === "*" || peek() === "/") {
      const operator = take();
      const right = parseFactor();
      if (operator === "/" && right === 0) throw new Error("Division by zero");
      value = operator === "*" ? value * right : value / right;
    }
    return value;
  }

  function parseFactor(): number {
    const token = take();
    if (token === "-") return -parseFactor();
    if (token === "(") {
      const value = parseSum();
      if (take() !== ")") throw new Error(`Unbalanced parentheses in "${expression}"`);
      return value;
    }
    const value = Number(token);
    if (token === undefined || Number.isNaN(value)) throw new Error(`Cannot parse "${expression}"`);
    return value;
  }

  const result = parseSum();
  if (position !== tokens.length) throw new Error(`Unexpected "${peek()}" in "${expression}"`);
  return Math.round(result * 10_000) / 10_000;
}

/** A plausible forecast, the same for the same city. */
export function runWeather(city: string): {
  city: string;
  temperatureC: number;
  conditions: string;
} {
  const hash = [...city.toLowerCase()].reduce(
    (sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0,
    7,
  );
  const conditions = ["clear", "partly cloudy", "overcast", "light rain", "windy", "fog"];
  return {
    city,
    temperatureC: (hash % 30) - 4,
    conditions: conditions[hash % conditions.length] ?? "clear",
  };
}

/** The top three knowledge-base hits, as the tool returns them to the model. */
export function runSearch(query: string): Array<{ id: string; title: string; snippet: string }> {
  return searchDocuments(query, 3).map(({ document }) => ({
    id: document.id,
    title: document.title,
    snippet: document.content.split(". ")[0] ?? document.content,
  }));
}
