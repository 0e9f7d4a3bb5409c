import { DOCUMENTS, type KnowledgeDocument } from "./documents";

/** A document and how well it matches a query. */
export interface ScoredDocument {
  document: KnowledgeDocument;
  score: number;
}

const STOP_WORDS = new Set(
  (
    "a an and are as at be by can do does for from get how i in is it my of on or the to " +
    "what when where which why with you your me we our this that"
  ).split(" "),
);

/** Lowercased word stems without stop words: "Refunds" and "refund" match. */
export function toTerms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((word) => !STOP_WORDS.has(word))
    .map((word) => word.replace(/(ing|ed|es|s)$/, "") || word);
}

const INDEX = DOCUMENTS.map((document) => {
  // The title counts twice: a match there says more than one in passing.
  const terms = toTerms(`${document.title} ${document.title} ${document.content}`);
  return { document, terms, counts: countTerms(terms) };
});
const AVERAGE_LENGTH = INDEX.reduce((sum, entry) => sum + entry.terms.length, 0) / INDEX.length;

/** BM25 over titles and contents (k1 = 1.2, b = 0.75), best first, zero scores left out. */
export function searchDocuments(query: string, limit: number): ScoredDocument[] {
  const queryTerms = [...new Set(toTerms(query))];

  return INDEX.map(({ document, terms, counts }) => {
    let score = 0;
    for (const term of queryTerms) {
      const frequency = counts.get(term) ?? 0;
      if (frequency === 0) continue;
      const containing = INDEX.filter((entry) => entry.counts.has(term)).length;
      const idf = Math.log(1 + (INDEX.length - containing + 0.5) / (containing + 0.5));
      const norm = frequency + 1.2 * (0.25 + (0.75 * terms.length) / AVERAGE_LENGTH);
      score += (idf * frequency * 2.2) / norm;
    }
    return { document, score: round(score) };
  })
    .filter((result) => result.score > 0)
    .sort((left, right) => right.score - left.score)
    .slice(0, limit);
}

/**
 * The reranker stand-in: the share of query terms a document covers, plus a bonus for query
 * word pairs found next to each other. Scores fall in [0, 1] like a cross-encoder's.
 */
export function rerankDocuments(query: string, candidates: ScoredDocument[]): ScoredDocument[] {
  const queryTerms = [...new Set(toTerms(query))];
  const queryPairs = pairsOf(toTerms(query));

  return candidates
    .map(({ document }) => {
      const terms = toTerms(`${document.title} ${document.content}`);
      const covered = queryTerms.filter((term) => terms.includes(term)).length;
      const documentPairs = new Set(pairsOf(terms));
      const pairHits = queryPairs.filter((pair) => documentPairs.has(pair)).length;
      const coverage = queryTerms.length === 0 ? 0 : covered / queryTerms.length;
      const adjacency = queryPairs.length === 0 ? 0 : pairHits / queryPairs.length;
      return { document, score: round(0.75 * coverage + 0.25 * adjacency) };
    })
    .sort((left, right) => right.score - left.score);
}

function countTerms(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function pairsOf(terms: string[]): string[] {
  return terms.slice(1).map((term, index) => `${terms[index]} ${term}`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
