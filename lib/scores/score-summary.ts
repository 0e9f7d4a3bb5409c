/** Short text forms of several scores, for folded panels, list cells and their tooltips. */

export interface SummarizedScore {
  name: string;
  value: number | null;
  stringValue: string | null;
}

/** A number as a score shows it: at most `digits` significant digits, no trailing zeros. */
export function formatScoreNumber(value: number, digits = 3): string {
  return String(Number(value.toPrecision(digits)));
}

/** Labels by how often they were given, most frequent first (ties by label). */
export function rankLabels(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts).sort(
    ([leftLabel, left], [rightLabel, right]) => right - left || leftLabel.localeCompare(rightLabel),
  );
}

/** `polite ×2, angry`: each label with its count when given more than once. */
export function formatLabelCounts(counts: Readonly<Record<string, number>>): string {
  return rankLabels(counts)
    .map(([label, count]) => (count > 1 ? `${label} ×${count}` : label))
    .join(", ");
}

/**
 * The scores of one name in a few characters: a single score's value; several numbers as
 * their average and count; several labels by frequency. No score → "–".
 */
export function summarizeScoresOfName(scores: readonly SummarizedScore[]): string {
  const [only] = scores;
  if (!only) return "–";
  if (scores.length === 1) {
    return only.stringValue ?? (only.value === null ? "–" : formatScoreNumber(only.value, 6));
  }
  const labels: Record<string, number> = {};
  const numbers: number[] = [];
  for (const score of scores) {
    if (score.stringValue !== null)
      labels[score.stringValue] = (labels[score.stringValue] ?? 0) + 1;
    else if (score.value !== null) numbers.push(score.value);
  }
  if (Object.keys(labels).length > 0) return formatLabelCounts(labels);
  if (numbers.length === 0) return "–";
  const average = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  return `avg ${formatScoreNumber(average)} (${numbers.length})`;
}

/** One line for a folded score panel: each score name, in first-seen order, with its summary. */
export function summarizeScores(scores: readonly SummarizedScore[]): string {
  if (scores.length === 0) return "none yet";
  const byName = new Map<string, SummarizedScore[]>();
  for (const score of scores) byName.set(score.name, [...(byName.get(score.name) ?? []), score]);
  return [...byName]
    .map(([name, ofName]) => `${name} ${summarizeScoresOfName(ofName)}`)
    .join(" · ");
}
