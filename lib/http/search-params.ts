/**
 * URL search parameters as a plain record for a zod schema: each repeatable parameter becomes
 * the list of its values (empty when absent), any other its first value.
 */
export function searchParamsRecord(
  searchParams: URLSearchParams,
  repeatable: readonly string[],
): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of repeatable) record[key] = [];
  for (const key of new Set(searchParams.keys())) {
    record[key] = repeatable.includes(key)
      ? searchParams.getAll(key)
      : (searchParams.get(key) ?? "");
  }
  return record;
}
