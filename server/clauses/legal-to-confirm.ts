// What a lawyer should confirm: articles cited by clauses that no source read for this project confirmed, and
// clauses that cite the law of 17 June 2016 without an article because the article their subject needs was not found.
import type { LegalSourceCode } from './legal-sources';

export interface ArticleToConfirm {
  source: LegalSourceCode;
  article: string;
  why: string;
}

/** Articles cited by clauses that no source read for this project confirmed: a lawyer should check them. */
export const ARTICLES_TO_CONFIRM: ArticleToConfirm[] = [
  ...['art. 40'].map((article) => ({
    source: 'law_2016' as const,
    article,
    why: 'number taken from the earlier library; not read in the consolidated law',
  })),
  ...['art. 31', 'art. 42', 'art. 43', 'art. 45'].map((article) => ({
    source: 'directive_2014_24' as const,
    article,
    why: 'the table of contents read stopped before this article',
  })),
  { source: 'rd_2017_award', article: 'art. 33-36', why: 'chapter on price checks; only art. 36 was read' },
  { source: 'law_1965_wages', article: 'art. 35/1-35/6', why: 'joint wage liability; secondary source only' },
  {
    source: 'law_1996_wellbeing',
    article: 'art. 31bis-31octies',
    why: 'Checkinatwork in construction; secondary source only',
  },
  { source: 'law_1969_social_security', article: 'art. 30bis', why: 'withholding on invoices; secondary source only' },
  { source: 'income_tax_code_1992', article: 'art. 403', why: 'tax withholding on invoices; secondary source only' },
];

/**
 * Clauses that cite the law of 17 June 2016 without an article: no public source read for this project states the
 * article their subject needs. A lawyer confirms it, the article goes into SOURCE_CHECKS and the clauses cite it.
 */
export interface CitationAwaitingArticle {
  source: LegalSourceCode;
  /** The article the issue or the transposed directive article points to, when there is one. */
  expected?: string;
  subject: string;
  clauses: string[];
}

const VARIANT_AND_CONSULTATION = ['INN-FURN-001', 'INN-SECUR-001'];

export const CITATIONS_AWAITING_ARTICLE: CitationAwaitingArticle[] = [
  {
    source: 'law_2016',
    expected: 'art. 87',
    subject: 'special conditions for the performance of the contract (directive 2014/24/EU art. 70)',
    clauses: [
      'ENV-CLEAN-002',
      'ENV-CLEAN-008',
      'ENV-ENER-003',
      'ENV-ENER-004',
      'ENV-FOOD-004',
      'ENV-FOOD-009',
      'ENV-FOOD-010',
      'ENV-FURN-004',
      'ENV-GREEN-003',
      'ENV-IT-005',
      'ENV-LAUN-003',
      'ENV-MAINT-001',
      'ENV-MAINT-004',
      'ENV-OFFICE-005',
      'ENV-PRINT-002',
      'ENV-SECUR-001',
      'ENV-SECUR-002',
      'ENV-TEXT-003',
      'ENV-VEH-003',
      'ENV-WASTE-003',
      'ENV-WASTE-004',
      'ETH-CLEAN-001',
      'ETH-ENER-001',
      'ETH-TEXT-002',
      'SOC-ALL-001',
      'SOC-BUILD-001',
      'SOC-BUILD-003',
      'SOC-CLEAN-003',
      'SOC-CLEAN-004',
      'SOC-ENER-001',
      'SOC-FOOD-001',
      'SOC-FURN-002',
      'SOC-GREEN-002',
      'SOC-IT-001',
      'SOC-IT-003',
      'SOC-MAINT-001',
      'SOC-OFFICE-002',
      'SOC-SECUR-001',
      'SOC-TEXT-002',
      'SOC-VEH-001',
      'SOC-WASTE-001',
    ],
  },
  {
    source: 'law_2016',
    subject: 'variants (directive 2014/24/EU art. 45)',
    clauses: [
      'ENV-FURN-001',
      'INN-BUILD-001',
      'INN-GREEN-001',
      'INN-LAUN-001',
      'INN-WASTE-001',
      'INN-REUSE-002',
      'INN-TEXT-001',
      ...VARIANT_AND_CONSULTATION,
    ],
  },
  {
    source: 'law_2016',
    subject: 'preliminary market consultation (directive 2014/24/EU art. 40)',
    clauses: [
      'INN-CLEAN-002',
      'INN-FOOD-001',
      'INN-MAINT-001',
      'INN-PRINT-001',
      'INN-REUSE-001',
      ...VARIANT_AND_CONSULTATION,
    ],
  },
  {
    source: 'law_2016',
    subject:
      'pre-commercial procurement of research and development services, outside the procurement rules (directive 2014/24/EU art. 14)',
    clauses: ['INN-IT-002'],
  },
  {
    source: 'law_2016',
    subject: 'payment and verification periods set by the buyer, with the royal decree of 14 January 2013',
    clauses: ['SME-CLEAN-003', 'SME-GREEN-002'],
  },
];

export function isAwaitingArticle(source: LegalSourceCode, clauseId: string): boolean {
  return CITATIONS_AWAITING_ARTICLE.some((c) => c.source === source && c.clauses.includes(clauseId));
}

export function isArticleToConfirm(source: LegalSourceCode, article: string): boolean {
  return ARTICLES_TO_CONFIRM.some((c) => c.source === source && c.article === article);
}
