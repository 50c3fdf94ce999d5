// Annex 1 (the proofs and when to check them) and Annex 2 (which clause, in which version, the document prints;
// for a version the buyer kept although a newer one is published, both are named).
import { TextRun, type FileChild } from 'docx';
import { formatDate } from '../i18n/format';
import { heading, para, paragraphs, safe, table } from './docx-kit';
import type { ResolvedClause, TenderPlan } from './plan';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function proofChecklistAnnex(plan: TenderPlan, t: Translate): FileChild[] {
  const lang = plan.request.lang;
  return [
    heading(1, t('doc.annex1'), true),
    para([new TextRun(t('doc.annex1_intro'))]),
    table(
      [t('doc.reference'), t('doc.proof'), t('doc.when'), t('doc.checked')],
      plan.clauses.map((c) => [
        `${c.document.id}\n${safe(c.document.title[lang], 300)}`,
        paragraphs(c.document.verification.proof[lang]),
        c.document.verification.moments.map((m) => t(`moments.${m}`)).join(', '),
        '☐',
      ]),
      [25, 45, 20, 10],
    ),
  ];
}

/** What the trace says of the printed version: nothing when it is the published one. */
export function versionNote(clause: ResolvedClause, plan: TenderPlan, t: Translate): string {
  if (!clause.kept) return '';
  return t('doc.version_kept', {
    version: clause.document.version,
    latest: clause.kept.latestVersion,
    date: formatDate(plan.request.lang, new Date(clause.kept.latestPublishedOn)),
  });
}

export function clauseTraceAnnex(plan: TenderPlan, t: Translate): FileChild[] {
  const lang = plan.request.lang;
  return [
    heading(1, t('doc.annex2'), true),
    para([new TextRun(t('doc.annex2_intro'))]),
    table(
      [t('doc.reference'), t('doc.version'), t('doc.title'), t('doc.version_note')],
      plan.clauses.map((c) => [
        c.document.id,
        String(c.document.version),
        safe(c.document.title[lang], 300),
        versionNote(c, plan, t),
      ]),
      [20, 10, 45, 25],
    ),
  ];
}
