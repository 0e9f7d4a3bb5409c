/**
 * Which state of a dataset item a run answered: a run item records the item's version when its
 * trace was linked, and comparing runs shows that version (from the item's history) rather than
 * the item after later edits.
 */

/** A dataset item's input and expected output at one of its versions. */
export interface ItemAtVersion {
  version: number;
  /** False when the item's history lacks this version: input and expected output are unknown. */
  recorded: boolean;
  input: unknown;
  expectedOutput: unknown;
}

/** The item as it is now. */
export interface CurrentItem {
  id: string;
  version: number;
  input: unknown;
  expectedOutput: unknown;
}

/** Saved item versions, keyed by itemVersionKey. */
export type ItemHistory = ReadonlyMap<string, ItemAtVersion>;

/** The key of one version of one item in an ItemHistory. */
export function itemVersionKey(itemId: string, version: number): string {
  return `${version}:${itemId}`;
}

/** The versions that links point at and that are not their item's current one. */
export function pastVersionsLinked(
  items: ReadonlyArray<{ id: string; version: number }>,
  links: ReadonlyArray<{ itemId: string; version: number }>,
): Array<{ itemId: string; version: number }> {
  const currentVersions = new Map(items.map((item) => [item.id, item.version]));
  const wanted = new Map<string, { itemId: string; version: number }>();
  for (const link of links) {
    if (currentVersions.get(link.itemId) === link.version) continue;
    wanted.set(itemVersionKey(link.itemId, link.version), link);
  }
  return [...wanted.values()];
}

/**
 * The item at `version`: the item itself when that is its version now, else the saved version.
 * A version the history lacks (every save records one, so only data written around the app)
 * is marked unrecorded rather than shown with the current input under an old version number.
 */
export function itemAtVersion(
  current: CurrentItem,
  version: number,
  history: ItemHistory,
): ItemAtVersion {
  if (version === current.version) return asItem(current);
  return (
    history.get(itemVersionKey(current.id, version)) ?? {
      version,
      recorded: false,
      input: null,
      expectedOutput: null,
    }
  );
}

/**
 * What a compare row's item columns show: the item as the first of the compared runs (in the
 * order given) that has it used it, or the item as it is now when none has it.
 */
export function shownItemVersion(
  current: CurrentItem,
  runIds: readonly string[],
  usedByRun: Readonly<Record<string, { item: ItemAtVersion }>>,
): { shown: ItemAtVersion; shownRunId: string | null } {
  const shownRunId = runIds.find((runId) => usedByRun[runId] !== undefined) ?? null;
  const used = shownRunId === null ? undefined : usedByRun[shownRunId];
  return { shown: used?.item ?? asItem(current), shownRunId };
}

function asItem(current: CurrentItem): ItemAtVersion {
  const { version, input, expectedOutput } = current;
  return { version, recorded: true, input, expectedOutput };
}
