/** One target (trace or span) scored under the same name by a judge and by a human. */
export interface ScorePair {
  judgeValue: number | null;
  humanValue: number | null;
  judgeLabel: string | null;
  humanLabel: string | null;
}

export interface Agreement {
  pairs: number;
  /** Mean |judge − human| over pairs where both have a number; null when none. */
  meanAbsoluteDifference: number | null;
  /** Share of pairs that agree exactly (same label, else same number); null without pairs. */
  exactMatchRate: number | null;
  /** Cohen's kappa over pairs where both have a label; null when undefined (fewer than 2). */
  cohensKappa: number | null;
}

/** How far a judge and humans agree on one score name, from pairs on the same targets. */
export function measureAgreement(pairs: readonly ScorePair[]): Agreement {
  const numeric = pairs.filter(
    (pair): pair is ScorePair & { judgeValue: number; humanValue: number } =>
      pair.judgeValue !== null && pair.humanValue !== null,
  );
  const labelled = pairs.filter(
    (pair): pair is ScorePair & { judgeLabel: string; humanLabel: string } =>
      pair.judgeLabel !== null && pair.humanLabel !== null,
  );
  const matches = pairs.filter((pair) =>
    pair.judgeLabel !== null && pair.humanLabel !== null
      ? pair.judgeLabel === pair.humanLabel
      : pair.judgeValue !== null && pair.judgeValue === pair.humanValue,
  ).length;
  return {
    pairs: pairs.length,
    meanAbsoluteDifference:
      numeric.length === 0
        ? null
        : numeric.reduce((sum, pair) => sum + Math.abs(pair.judgeValue - pair.humanValue), 0) /
          numeric.length,
    exactMatchRate: pairs.length === 0 ? null : matches / pairs.length,
    cohensKappa: cohensKappa(labelled.map((pair) => [pair.judgeLabel, pair.humanLabel])),
  };
}

/**
 * Cohen's kappa of two raters' labels: (observed − chance agreement) / (1 − chance). Null with
 * fewer than two pairs; 1 when both raters always give one and the same label (no chance term).
 */
export function cohensKappa(pairs: ReadonlyArray<readonly [string, string]>): number | null {
  if (pairs.length < 2) return null;
  const total = pairs.length;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [left, right] of pairs) {
    first.set(left, (first.get(left) ?? 0) + 1);
    second.set(right, (second.get(right) ?? 0) + 1);
    if (left === right) agreed += 1;
  }
  const observed = agreed / total;
  let chance = 0;
  for (const [label, count] of first)
    chance += (count / total) * ((second.get(label) ?? 0) / total);
  if (chance === 1) return observed === 1 ? 1 : null;
  return (observed - chance) / (1 - chance);
}
