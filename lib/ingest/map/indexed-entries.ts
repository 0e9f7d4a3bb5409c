/**
 * Flattened lists such as `llm.input_messages.3.message.role` come back as a dense list ordered
 * by their numeric index (10 after 9), gaps dropped. The list is never sized by the index, so
 * `llm.input_messages.99999999.message.content` costs one element, not a hundred million.
 */

// Longer digit strings could not be ordered exactly as numbers; such keys are skipped.
const INDEX = /^(\d{1,15})\.(.+)$/;

/** Groups `N.rest` keys (prefix already removed) by N, keeping `rest` → value in each group. */
export function groupByIndex<V>(entries: Iterable<readonly [string, V]>): Array<Map<string, V>> {
  const groups = new Map<number, Map<string, V>>();

  for (const [key, value] of entries) {
    const match = INDEX.exec(key);
    if (!match?.[1] || !match[2]) continue;

    const index = Number(match[1]);
    let group = groups.get(index);
    if (!group) {
      group = new Map();
      groups.set(index, group);
    }
    group.set(match[2], value);
  }

  return [...groups.entries()].sort(([left], [right]) => left - right).map(([, group]) => group);
}

/** The entries of a group whose key starts with the prefix, prefix removed. */
export function entriesUnder<V>(group: ReadonlyMap<string, V>, prefix: string): Array<[string, V]> {
  const result: Array<[string, V]> = [];
  for (const [key, value] of group) {
    if (key.startsWith(prefix)) result.push([key.slice(prefix.length), value]);
  }
  return result;
}
