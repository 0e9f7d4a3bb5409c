import type { AttributeValue } from "@opentelemetry/api";

/**
 * JSON text of any value, for span attributes. Never throws: cycles become "[Circular]", bigints
 * strings, errors `{ name, message }`, maps objects and sets lists; a value JSON cannot hold at
 * all (a function, undefined) becomes null.
 */
export function toJsonText(value: unknown): string {
  const ancestors: object[] = [];
  try {
    const text = JSON.stringify(value, function (this: unknown, _key: string, current: unknown) {
      if (typeof current === "bigint") return current.toString();
      if (current instanceof Error) return { name: current.name, message: current.message };
      if (current instanceof Map) return Object.fromEntries(current);
      if (current instanceof Set) return [...current];
      if (typeof current !== "object" || current === null) return current;

      // `this` is the object holding `current`: unwind to it, then look for a cycle.
      while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
      if (ancestors.includes(current)) return "[Circular]";
      ancestors.push(current);
      return current;
    });
    return text ?? "null";
  } catch {
    return JSON.stringify("[unserializable]");
  }
}

/** A value as an OTel attribute: strings, finite numbers and booleans as is, the rest as JSON. */
export function toAttributeValue(value: unknown): AttributeValue {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return toJsonText(value);
}
