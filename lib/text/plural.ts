/**
 * The noun for a count: the singular for exactly 1, else the plural (by default the singular
 * with an "s"). The number itself is left to the caller, which formats it its own way.
 */
export function plural(count: number | bigint, singular: string, pluralForm = `${singular}s`) {
  return Number(count) === 1 ? singular : pluralForm;
}

/** A count with its noun, as "1 span" or "2 spans"; the number is written as it is. */
export function countOf(count: number | bigint, singular: string, pluralForm?: string): string {
  return `${count} ${plural(count, singular, pluralForm)}`;
}
