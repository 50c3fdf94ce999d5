// The administrative and contractual provisions of a Belgian bestek / cahier spécial des charges, as text the
// buyer edits: each provision is a catalog message in the document's language where `[…]` marks what only
// the buyer can write (highlighted in Word). Articles are cited only where they were checked against the law
// and the royal decrees; elsewhere a placeholder says what to check.
import { TextRun, type FileChild, type Paragraph } from 'docx';
import { heading, para, placeholder } from './docx-kit';
import type { TenderPlan } from './plan';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Catalog text → paragraphs, `[…]` becoming highlighted placeholders, one paragraph per line. */
export function editableText(text: string): Paragraph[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) =>
      para(
        line
          .split(/(\[[^\]]+\])/)
          .filter(Boolean)
          .map((part) =>
            part.startsWith('[') && part.endsWith(']') ? placeholder(part.slice(1, -1)) : new TextRun(part),
          ),
      ),
    );
}

/** The provisions placed before the clauses of the procedure stage (part 1), after the lots. */
export const SUBMISSION_PROVISIONS = ['submission', 'validity', 'offer_contents'] as const;
/** The contractual provisions at the end of part 4, after the performance clauses. */
export const CONTRACT_PROVISIONS = [
  'bond',
  'price_revision',
  'invoicing',
  'acceptance',
  'penalties',
  'subcontracting',
  'insurance',
  'disputes',
] as const;

export function provision(t: Translate, number: string, key: string): FileChild[] {
  return [heading(2, `${number} ${t(`doc.admin.${key}.title`)}`), ...editableText(t(`doc.admin.${key}.text`))];
}

/** The legal framework, with the derogations from the general execution rules that the chosen clauses make. */
export function legalFramework(plan: TenderPlan, t: Translate): FileChild[] {
  const derogations = plan.clauses.filter((c) => c.document.derogation);
  const lang = plan.request.lang;
  return [
    ...editableText(t('doc.admin.legal_framework')),
    ...(derogations.length === 0
      ? editableText(t('doc.admin.no_derogation'))
      : [
          ...editableText(t('doc.admin.derogations_intro')),
          ...derogations.map((c) =>
            para([
              new TextRun({ text: `${c.document.derogation!.articles}: `, bold: true }),
              new TextRun(`${c.document.derogation!.reason[lang]} (${c.document.id})`),
            ]),
          ),
        ]),
  ];
}
