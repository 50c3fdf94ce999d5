// Annex 3 of the tender document: what to declare in the eForms notice, from the chosen clauses.
import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Lang } from '../i18n/languages';
import { heading, para, placeholder, table, type CellContent } from './docx-kit';
import { eformsHints } from './eforms-hints';
import type { TenderPlan } from './plan';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function eformsAnnex(plan: TenderPlan, lang: Lang, t: Translate): FileChild[] {
  const hints = eformsHints(
    plan.clauses.map((c) => c.document),
    lang,
  );
  const rows: CellContent[][] = hints.map((hint) => {
    const codes: Paragraph[] = hint.codes.map(
      (c) =>
        new Paragraph({
          children: [
            new TextRun({ text: c.code, bold: true }),
            new TextRun(` – ${c.label}`),
            ...(c.clauses.length > 0
              ? [new TextRun({ text: ` (${c.clauses.join(', ')})`, size: 18, color: '4A5560' })]
              : []),
            ...(c.derived && c.clauses.length > 0
              ? [new TextRun({ text: ` ${t('doc.eforms.derived')}`, italics: true })]
              : []),
          ],
        }),
    );
    if (hint.choose)
      codes.push(
        new Paragraph({ children: [placeholder(t('doc.eforms.choose'))] }),
        ...hint.choose.map((c) => new Paragraph({ children: [new TextRun(`☐ ${c.code} – ${c.label}`)] })),
      );
    return [`${hint.term}\n${t(`doc.eforms.term.${hint.term}`)}`, codes, hint.list];
  });
  return [
    heading(1, t('doc.eforms.annex'), true),
    para([new TextRun(t('doc.eforms.intro'))]),
    table([t('doc.eforms.field'), t('doc.eforms.codes'), t('doc.eforms.list')], rows, [30, 50, 20]),
    para([new TextRun({ text: t('doc.eforms.rule'), size: 18 })]),
    para([new TextRun({ text: t('doc.eforms.attribution'), size: 16, color: '4A5560' })]),
  ];
}
