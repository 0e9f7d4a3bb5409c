/** Most runs compared side by side at once. */
export const MAX_COMPARED_RUNS = 5;

/** A score for a table cell: whole numbers as they are, others to three decimals. */
export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
