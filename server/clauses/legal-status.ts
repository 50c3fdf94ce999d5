// Whether a basis clause carries a legal obligation or is the library's recommended base criterion (MPDI 7).
// Only obligations confirmed in a source read for the library count (see legal-verification.ts): a text the
// clause merely rests on (law of 17 June 2016 art. 7, the 2014 ordinance on optional clauses) is no obligation.
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { LegalSourceCode } from './legal-sources';
import { legalBasisText } from './presenter';
import type { ClauseDocument } from './schema';

interface Obligation {
  source: LegalSourceCode;
  /** The article that imposes it; without one, the text as a whole does. */
  article?: string;
}

export const OBLIGATIONS: Obligation[] = [
  // Every contracting authority considers lots and states why it does not divide (above the threshold).
  { source: 'law_2016', article: 'art. 58' },
  // The mandatory exclusion grounds, and the exclusion for tax and social security debts (art. 69 is optional).
  { source: 'law_2016', article: 'art. 67' },
  { source: 'law_2016', article: 'art. 68' },
  // Imposes social clauses in regional public procurement (under its own thresholds).
  { source: 'circ_2020_social' },
  // The mandatory price check in works and fraud-sensitive services.
  { source: 'rd_2017_award', article: 'art. 36 §4' },
  // Electronic attendance registration, compulsory in cleaning since 1 September 2024.
  { source: 'programme_law_2022' },
  // The end user checks the Limosa declaration of posted workers.
  { source: 'programme_law_2006', article: 'art. 139' },
  // The ban on purely financial subcontracting in construction.
  { source: 'social_penal_code', article: 'art. 184/1/5' },
];

export interface BasisStatus {
  required: boolean;
  label: string;
  explanation: string;
}

/** For a basis clause: "required by …" with the texts that impose it, or "recommended base criterion". */
export function basisStatus(document: ClauseDocument, lang: Lang): BasisStatus | undefined {
  if (document.level !== 'basis') return undefined;
  const imposing = document.legal_basis.filter((basis) =>
    OBLIGATIONS.some((o) => o.source === basis.source && (o.article === undefined || o.article === basis.article)),
  );
  if (imposing.length === 0)
    return {
      required: false,
      label: translate(lang, 'experience.levels.recommended'),
      explanation: translate(lang, 'experience.levels.recommended_text'),
    };
  return {
    required: true,
    label: translate(lang, 'experience.levels.required'),
    explanation: translate(lang, 'experience.levels.required_text', {
      sources: imposing.map((b) => legalBasisText(b, lang)).join('; '),
    }),
  };
}
