import { articles as catalog, type DocArticle } from "./catalog";
import { terms } from "./text";

export interface Suggestion {
  article: DocArticle;
  score: number;
  /** The ticket's words that matched, to show why the article is suggested. */
  matched: string[];
}

// Where a word appears says how much it is about that: a title beats a passing section name.
const FIELD_WEIGHTS = { title: 3, tags: 2, description: 1, sections: 1 } as const;

interface IndexedArticle {
  article: DocArticle;
  weights: Map<string, number>;
}

function indexArticle(article: DocArticle): IndexedArticle {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of new Set(terms(text))) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  };
  add(article.title, FIELD_WEIGHTS.title);
  add(article.tags.join(" "), FIELD_WEIGHTS.tags);
  add(article.description, FIELD_WEIGHTS.description);
  add(article.sections.join(" "), FIELD_WEIGHTS.sections);
  // "flowfuse" and "nodered" tag nearly every article: they tell nothing apart.
  weights.delete("flowfuse");
  weights.delete("nodered");
  return { article, weights };
}

export class DocsIndex {
  private readonly indexed: IndexedArticle[];
  private readonly idf = new Map<string, number>();

  constructor(articles: DocArticle[]) {
    this.indexed = articles.map(indexArticle);
    const documentFrequency = new Map<string, number>();
    for (const { weights } of this.indexed) {
      for (const term of weights.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    for (const [term, frequency] of documentFrequency) {
      this.idf.set(term, Math.log(1 + this.indexed.length / frequency));
    }
  }

  /** The articles that best match a ticket's text, best first; none when nothing matches well. */
  suggest(text: string, limit = 5): Suggestion[] {
    const queryTerms = new Set(terms(text));
    const suggestions: Suggestion[] = [];
    for (const { article, weights } of this.indexed) {
      let score = 0;
      const matched: string[] = [];
      for (const term of queryTerms) {
        const weight = weights.get(term);
        if (!weight) continue;
        score += weight * (this.idf.get(term) ?? 0);
        matched.push(term);
      }
      if (score >= MIN_SCORE) suggestions.push({ article, score, matched });
    }
    return suggestions.sort((a, b) => b.score - a.score || a.article.path.localeCompare(b.article.path)).slice(0, limit);
  }
}

/** Below this, a match is one common word in a description: noise, not a suggestion. */
const MIN_SCORE = 3;

export const docsIndex = new DocsIndex(catalog);
