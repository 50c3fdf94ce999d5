// What the search index holds: published clauses and published FAQ answers, with the metadata that
// facets, filters and result cards need.
import type { Lang } from '../i18n/languages';

export interface SearchDocument {
  ref: string;
  type: 'clause' | 'faq';
  id: string;
  version: number;
  title: Record<Lang, string>;
  /** Main text, used for snippets. */
  text: Record<Lang, string>;
  /** Further searchable text (verification, guidance, category names). */
  extra: Record<Lang, string>;
  theme: string | null;
  categories: string[];
  stage: string | null;
  level: string | null;
  owner: string | null;
}

export type DocumentMeta = Omit<SearchDocument, 'extra'>;
